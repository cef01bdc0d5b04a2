package dev.vigil.health;

import dev.vigil.VigilException;
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
import java.util.function.Supplier;

/**
 * Requirements 3 and 18: is every service healthy, seen as a non-admin user? Per service, its
 * uptime requests once each, and for image, network and object-store a short create → read → delete
 * smoke; then, when installed and configured, Tempest's smoke tests. Everything created is named
 * after the run id and deleted in {@link #cleanUp}, also after a failure.
 */
public final class SystemHealthCheck implements Check {

  public static final String NAME = "system-health";

  private final HttpClient http;
  private final Duration timeout;
  private final TempestSetup tempest;
  private final Map<Phase, Map<String, ServiceHealth>> results = new EnumMap<>(Phase.class);
  private final Map<Phase, Tempest.TempestRun> tempestRuns = new EnumMap<>(Phase.class);
  private final List<ServiceSmoke> smokes = new ArrayList<>();
  private final Map<ServiceProbe, String> endpoints = new LinkedHashMap<>();
  private RunContext run;
  private HealthApi api;
  private HealthApi smokeApi;

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
    this.smokeApi = new HealthApi(http, timeout.compareTo(SMOKE_TIMEOUT) > 0 ? timeout : SMOKE_TIMEOUT, token);
    Catalog catalog = run.catalog();
    ServiceProbes probes = ServiceProbes.load();
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
      List<Step> apiSteps = new ArrayList<>();
      for (ProbeRequest r : e.getKey().uptime()) {
        String url = HealthApi.url(e.getValue(), r.path());
        Reply reply = api.send(r.method(), url, r.token(), null, null);
        boolean ok = reply.is(r.expected());
        apiSteps.add(new Step(r.name(), ok, r.method() + " " + url + " → " + reply.describe() + (ok ? "" : " (expected " + r.expected() + ")")));
      }
      ServiceSmoke smoke = smoke(service);
      List<Step> smokeSteps = List.of();
      if (smoke != null) {
        smokes.add(smoke);
        smokeSteps = smoke.run(smokeApi, e.getValue(), run.runId() + "-health-" + phaseName);
      }
      ServiceHealth health = new ServiceHealth(service, apiSteps, smokeSteps, smoke != null);
      found.put(service, health);
      boolean ok = apiSteps.stream().allMatch(Step::passed) && smokeSteps.stream().allMatch(Step::passed);
      run.progress().accept(NAME + " " + phaseName + ": " + service + ": " + (ok ? "ok" : "FAILED: " + firstFailure(health)));
    }
    results.put(phase, found);
    if (tempest.binary() != null && tempest.workspace() != null) {
      run.progress().accept(NAME + " " + phaseName + ": running tempest smoke tests in " + tempest.workspace() + " (a few minutes)");
      Path log = run.runDir().resolve("tempest-smoke-" + phaseName + ".log");
      tempestRuns.put(phase, new Tempest(tempest.binary(), tempest.workspace(), tempest.timeout()).run(log, run.progress()));
    }
  }

  /** The smoke of a service, new for every phase, or null when it has none (cheap and safe ones only). */
  private static ServiceSmoke smoke(String service) {
    return switch (service) {
      case "object-store" -> new ObjectStoreSmoke();
      case "network" -> new NetworkSmoke();
      case "image" -> new ImageSmoke();
      default -> null;
    };
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

  private static Outcome judge(String test, String service, List<Step> steps) {
    List<String> evidence = steps.stream().map(Step::line).toList();
    if (steps.stream().allMatch(Step::passed)) {
      return Outcome.passed(NAME, test, service, service + ": " + String.join(", ", steps.stream().map(Step::name).toList()) + ": ok", evidence);
    }
    Step failed = steps.stream().filter(s -> !s.passed()).findFirst().orElseThrow();
    return Outcome.failed(NAME, test, service, service + " is not healthy: " + failed.name() + ": " + failed.detail(), evidence);
  }

  private static String firstFailure(ServiceHealth h) {
    return java.util.stream.Stream.concat(h.api().stream(), h.smoke().stream()).filter(s -> !s.passed()).findFirst()
        .map(s -> s.name() + ": " + s.detail()).orElse("");
  }

  @Override
  public void cleanUp() {
    if (smokeApi != null) {
      smokes.forEach(s -> s.cleanUp(smokeApi));
    }
  }
}
