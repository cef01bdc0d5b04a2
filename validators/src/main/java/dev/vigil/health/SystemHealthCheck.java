package dev.vigil.health;

import dev.vigil.VigilException;
import dev.vigil.flow.FlowContext;
import dev.vigil.flow.FlowListener;
import dev.vigil.flow.FlowOptions;
import dev.vigil.flow.FlowRunner;
import dev.vigil.flow.FlowSpec;
import dev.vigil.recording.FlowOutcome;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.Traffic;
import dev.vigil.identity.Catalog;
import dev.vigil.lifecycle.Check;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.Phase;
import dev.vigil.lifecycle.RunContext;
import dev.vigil.probe.ProbeRequest;
import dev.vigil.probe.ServiceProbe;
import dev.vigil.probe.ServiceProbes;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Requirements 3 and 18: is every service healthy, seen as a non-admin user? Per service, its
 * uptime requests once each, and its availability flow once (the observers' own flow, run by the
 * plain {@link FlowRunner}: create → ready → read back → delete); then, when installed and
 * configured, Tempest's smoke tests. Everything created is named after the run id and deleted, also
 * after a failure ({@link #cleanUp} sweeps by name).
 */
public final class SystemHealthCheck implements Check {

  public static final String NAME = "system-health";

  private final HttpClient http;
  private final Duration timeout;
  private final TempestSetup tempest;
  private final Map<Phase, Map<String, ServiceHealth>> results = new EnumMap<>(Phase.class);
  private final Map<Phase, Tempest.TempestRun> tempestRuns = new EnumMap<>(Phase.class);
  private final Map<ServiceProbe, String> endpoints = new LinkedHashMap<>();
  /** The flows run so far and their variables, for the sweep in {@link #cleanUp}. */
  private final List<Map.Entry<FlowSpec, Map<String, String>>> flowsRun = new ArrayList<>();
  private final List<RequestRecord> flowRequests = new CopyOnWriteArrayList<>();
  private RunContext run;
  private HealthApi api;
  private FlowRunner flows;

  /**
   * Creates and deletes may take far longer than reads: Neutron's network delete took 20 s on the
   * busy lab. A slow write is not what this check judges (the observers measure latency).
   */
  private static final Duration SMOKE_TIMEOUT = Duration.ofSeconds(60);

  /**
   * How Tempest is available here.
   *
   * @param binary the tempest command, or null when not installed
   * @param workspace the configured workspace, or null when none was given
   */
  public record TempestSetup(Path binary, Path workspace, Duration timeout) {}

  public SystemHealthCheck(HttpClient http, Duration timeout, TempestSetup tempest) {
    this.http = http;
    this.timeout = timeout;
    this.tempest = tempest;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void prepare(RunContext run) {
    this.run = run;
    Supplier<dev.vigil.identity.Token> token = () -> run.identity().token();
    this.api = new HealthApi(http, timeout, token);
    Catalog catalog = run.catalog();
    ServiceProbes probes = ServiceProbes.load();
    FlowListener listener = new FlowListener() {
      @Override
      public void request(RequestRecord r) {
        flowRequests.add(r);
      }

      @Override
      public void flow(FlowRecord f) {
        // outcomes come back from FlowRunner.once itself
      }
    };
    FlowContext ctx = new FlowContext(probes.endpoints(catalog, run.cloud().interfaceName(), run.cloud().regionName()), SMOKE_TIMEOUT,
        Traffic.FLOW, listener, System::currentTimeMillis);
    this.flows = new FlowRunner(http, () -> run.identity().token().id().reveal(), ctx, timeout.compareTo(SMOKE_TIMEOUT) > 0 ? timeout : SMOKE_TIMEOUT);
    List<ServiceProbe> chosen = new ArrayList<>();
    if (run.services().isEmpty()) {
      probes.all().stream().filter(p -> ServiceProbes.catalogType(p, catalog).isPresent()).forEach(chosen::add);
    } else {
      run.services().forEach(s -> chosen.add(probes.require(s)));
    }
    for (ServiceProbe probe : chosen) {
      String type = ServiceProbes.catalogType(probe, catalog).orElseThrow(
          () -> new VigilException("service " + probe.serviceType() + " is not in the catalog of cloud " + run.cloud().name()
              + ": leave it out of --services"));
      Catalog.Endpoint e = catalog.endpoint(type, run.cloud().interfaceName(), run.cloud().regionName()).orElseThrow(
          () -> new VigilException("service " + type + " has no " + run.cloud().interfaceName() + " endpoint in the catalog of cloud "
              + run.cloud().name() + ": check interface and region_name in clouds.yaml"));
      endpoints.put(probe, e.url());
    }
    if (endpoints.isEmpty()) {
      throw new VigilException("cloud " + run.cloud().name() + " lists none of the services Vigil knows (" + probes.names() + ")");
    }
    if (tempest.binary() != null && tempest.workspace() != null) {
      Tempest.checkWorkspace(tempest.workspace());
    }
  }

  @Override
  public void start(Phase phase) {
    String phaseName = phase.name().toLowerCase(Locale.ROOT);
    Map<String, ServiceHealth> found = new LinkedHashMap<>();
    for (Map.Entry<ServiceProbe, String> e : endpoints.entrySet()) {
      String service = e.getKey().serviceType();
      List<HealthStep> apiSteps = new ArrayList<>();
      for (ProbeRequest r : e.getKey().uptime()) {
        String url = HealthApi.url(e.getValue(), r.path());
        HealthAnswer reply = api.send(r.method(), url, r.token(), null, null);
        boolean ok = reply.is(r.expected());
        apiSteps.add(new HealthStep(r.name(), ok, r.method() + " " + url + " → " + reply.describe() + (ok ? "" : " (expected " + r.expected() + ")")));
      }
      Optional<FlowSpec> flow = e.getKey().flow(FlowOptions.defaults());
      List<HealthStep> smokeSteps = flow.map(spec -> runFlow(spec, phaseName)).orElse(List.of());
      ServiceHealth health = new ServiceHealth(service, apiSteps, smokeSteps, flow.isPresent());
      found.put(service, health);
      boolean ok = apiSteps.stream().allMatch(HealthStep::passed) && smokeSteps.stream().allMatch(HealthStep::passed);
      run.progress().accept(NAME + " " + phaseName + ": " + service + ": " + (ok ? "ok" : "FAILED: " + firstFailure(health)));
    }
    results.put(phase, found);
    if (tempest.binary() != null && tempest.workspace() != null) {
      run.progress().accept(NAME + " " + phaseName + ": running tempest smoke tests in " + tempest.workspace() + " (a few minutes)");
      Path log = run.runDir().resolve("tempest-smoke-" + phaseName + ".log");
      tempestRuns.put(phase, new Tempest(tempest.binary(), tempest.workspace(), tempest.timeout()).run(log, run.progress()));
    }
  }

  /** The service's flow once; each of its requests, and each accepted create's outcome, is a step. */
  private List<HealthStep> runFlow(FlowSpec spec, String phaseName) {
    Map<String, String> vars = FlowRunner.windowVars(run.runId() + "-health-" + phaseName, run.identity().token().projectId(), FlowOptions.defaults());
    Map.Entry<FlowSpec, Map<String, String>> pending = Map.entry(spec, vars);
    flowsRun.add(pending);
    flowRequests.clear();
    List<HealthStep> steps = new ArrayList<>();
    FlowRunner.Once once = null;
    String problem = null;
    try {
      once = flows.once(spec, vars);
      flowsRun.remove(pending); // once() has swept and finished by itself
    } catch (VigilException e) {
      problem = e.getMessage(); // prepare failed, e.g. the flow's image or flavor does not exist
    }
    for (RequestRecord r : flowRequests) {
      steps.add(new HealthStep(r.request(), r.ok(), r.method() + " → " + (r.status() == 0 ? "no answer" : "HTTP " + r.status())
          + (r.ok() ? "" : " (" + r.error() + ")") + " in " + r.latencyMs() + " ms"
          + (r.requestId() == null ? "" : ", request " + r.requestId())));
    }
    if (problem != null) {
      steps.add(new HealthStep("prepare", false, problem));
    } else {
      for (FlowRecord f : once.outcomes()) {
        steps.add(new HealthStep("outcome of " + f.flow(), f.outcome() == FlowOutcome.HONOURED,
            f.outcome() + " " + (f.endMs() - f.acceptedMs()) + " ms after request " + f.requestId() + (f.detail() == null || f.detail().isEmpty() ? "" : ": " + f.detail())));
      }
      if (once.failure() != null && steps.stream().allMatch(HealthStep::passed)) {
        steps.add(new HealthStep("flow", false, once.failure()));
      }
      if (!once.swept().notDeleted().isEmpty()) {
        steps.add(new HealthStep("clean-up", false, "left behind: " + once.swept().notDeleted()));
      }
      if (once.finishProblem() != null) {
        steps.add(new HealthStep("finish", false, once.finishProblem()));
      }
    }
    return steps;
  }

  @Override
  public List<Outcome> evaluate() {
    List<Outcome> outcomes = new ArrayList<>();
    for (Map.Entry<Phase, Map<String, ServiceHealth>> p : results.entrySet()) {
      String phase = " (" + p.getKey().name().toLowerCase(Locale.ROOT) + ")";
      for (ServiceHealth h : p.getValue().values()) {
        outcomes.add(judge("answers its API" + phase, h.service(), h.api()));
        if (h.hasSmoke()) {
          outcomes.add(judge("create, read, delete" + phase, h.service(), h.smoke()));
        }
      }
      outcomes.add(TempestOutcomes.of(tempest, tempestRuns.get(p.getKey()), "tempest smoke passes" + phase));
    }
    if (outcomes.isEmpty()) {
      outcomes.add(Outcome.skipped(NAME, "health", null, "no phase was measured"));
    }
    return outcomes;
  }

  private static Outcome judge(String test, String service, List<HealthStep> steps) {
    List<String> evidence = steps.stream().map(HealthStep::line).toList();
    if (steps.stream().allMatch(HealthStep::passed)) {
      return Outcome.passed(NAME, test, service, service + ": " + String.join(", ", steps.stream().map(HealthStep::name).distinct().toList()) + ": ok", evidence);
    }
    HealthStep failed = steps.stream().filter(s -> !s.passed()).findFirst().orElseThrow();
    return Outcome.failed(NAME, test, service, service + " is not healthy: " + failed.name() + ": " + failed.detail(), evidence);
  }

  private static String firstFailure(ServiceHealth h) {
    return java.util.stream.Stream.concat(h.api().stream(), h.smoke().stream()).filter(s -> !s.passed()).findFirst()
        .map(s -> s.name() + ": " + s.detail()).orElse("");
  }

  @Override
  public void cleanUp() {
    // A flow cut short (Ctrl-C, a failed prepare) may have left resources under the run's name.
    for (Map.Entry<FlowSpec, Map<String, String>> f : flowsRun) {
      try {
        Map<String, String> vars = new LinkedHashMap<>(f.getValue());
        f.getKey().vars().forEach((k, v) -> vars.put(k, v.render(vars)));
        flows.sweep(f.getKey(), vars, FlowSpec.namePrefix(vars.get("run_id")));
        flows.finish(f.getKey(), vars);
      } catch (RuntimeException e) {
        run.progress().accept(NAME + ": clean-up of the " + f.getKey().service() + " flow failed: " + e.getMessage()
            + "; `vigil sweep --run-id " + run.runId() + "` removes what is left");
      }
    }
  }
}
