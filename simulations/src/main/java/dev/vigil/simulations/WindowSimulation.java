package dev.vigil.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGenerator;

import dev.vigil.flow.FlowSpec;
import dev.vigil.flow.FlowSupervisor;
import dev.vigil.probe.ProbeRequest;
import dev.vigil.probe.ServiceProbe;
import dev.vigil.probe.ServiceProbes;
import dev.vigil.recording.Connection;
import dev.vigil.recording.Traffic;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One observation window: uptime probes of every planned service over new and reused connections,
 * availability flows and optional load, until the stop signal (then the flows' grace time) or the
 * plan's maximum duration. Run by {@code vigil watch} in a child JVM, or alone by {@code mvn
 * gatling:test} with plain properties or a plan file (see {@link PlanSource}, docs/observers.md).
 */
public class WindowSimulation extends Simulation {

  private static final Duration WATCH_EVERY = Duration.ofMillis(100);
  private static final String GRACE_UNTIL = "vigil.graceUntil";

  private final Window window;

  /** The whole window: as {@code vigil watch} starts it, or alone from a plan file or plain properties ({@link PlanSource}). */
  public WindowSimulation() {
    this(PlanSource.Kind.WINDOW);
  }

  protected WindowSimulation(PlanSource.Kind kind) {
    window = Window.open(PlanSource.fromSystem(kind));
    if (window.plan().parentPid() == 0) {
      StandaloneFinish.onExit(window.plan());
      CtrlC.endsTheWindow(window);
    }
    setUpPopulations();
  }

  private void setUpPopulations() {
    WindowPlan plan = window.plan();
    ServiceProbes probes = ServiceProbes.load();
    List<PopulationBuilder> populations = new ArrayList<>();
    populations.add(watchdog());
    List<Connection> kinds = plan.connections().stream().map(c -> Connection.valueOf(c.toUpperCase(Locale.ROOT))).toList();
    int streams = 0;
    int totalStreams = plan.targets().size() * kinds.size();
    Duration period = Duration.ofNanos((long) (1e9 / plan.ratePerService()));
    for (WindowPlan.Target target : plan.targets()) {
      ServiceProbe probe = probes.require(target.serviceType());
      // Several probe requests share the service's rate, so the service is still sampled every period.
      double rate = plan.ratePerService() / probe.uptime().size();
      for (ProbeRequest request : probe.uptime()) {
        for (Connection kind : kinds) {
          // Stagger the streams over one period so their requests do not all leave together.
          Duration offset = period.multipliedBy(streams++).dividedBy(Math.max(1, totalStreams));
          populations.add(
              UptimeScenarios.population(window, target.serviceType(), target.endpoint(), request, kind, rate, offset, plan.maxDuration()));
        }
      }
    }
    populations.addAll(dataPlane(plan, kinds.size() * plan.targets().size()));
    populations.addAll(flows(plan));
    populations.addAll(load(plan, probes));
    setUp(populations).maxDuration(plan.maxDuration());
  }

  /**
   * HTTP and Swift data-plane targets as uptime probes over new connections (a workload's users
   * come and go); TCP targets are probed beside Gatling by {@link TcpProber}.
   */
  private List<PopulationBuilder> dataPlane(WindowPlan plan, int apiStreams) {
    List<PopulationBuilder> out = new ArrayList<>();
    Duration period = Duration.ofNanos((long) (1e9 / plan.ratePerService()));
    int i = 0;
    for (DataPlaneTarget target : plan.dataPlane()) {
      ProbeRequest request = switch (target.kind()) {
        // Any answer below 500 means the workload is reachable and serving.
        case "http" -> new ProbeRequest("http-get", "GET", "", ProbeRequest.TokenUse.NONE,
            java.util.stream.IntStream.range(100, 500).boxed().collect(java.util.stream.Collectors.toSet()));
        case "swift" -> new ProbeRequest("get-object", "GET", "", ProbeRequest.TokenUse.AUTH, java.util.Set.of(200));
        default -> null;
      };
      if (request != null) {
        Duration offset = period.multipliedBy(i++).dividedBy(Math.max(1, plan.dataPlane().size())).plus(period.dividedBy(2 * Math.max(1, apiStreams)));
        out.add(UptimeScenarios.population(window, target.service(), target.url(), request, Connection.NEW, plan.ratePerService(), offset,
            plan.maxDuration()));
      }
    }
    return out;
  }

  /**
   * One flow population per prepared service flow, staggered over one flow period; with load
   * writes, the same flows again as LOAD at ten times the rate.
   */
  private List<PopulationBuilder> flows(WindowPlan plan) {
    List<PopulationBuilder> out = new ArrayList<>();
    List<FlowSpec> specs = window.flowSpecs();
    if (specs.isEmpty()) {
      return out;
    }
    double rate = plan.flows().perSecond() > 0 ? plan.flows().perSecond() : 1.0 / 30;
    Duration period = Duration.ofNanos((long) (1e9 / rate));
    for (int i = 0; i < specs.size(); i++) {
      Duration offset = period.multipliedBy(i).dividedBy(specs.size());
      if (plan.flows().enabled()) {
        out.add(FlowScenarios.population(window, specs.get(i), Traffic.FLOW, rate, offset, plan.maxDuration()));
      }
      if (plan.load().enabled() && plan.load().writes()) {
        out.add(FlowScenarios.population(window, specs.get(i), Traffic.LOAD, rate * 10, offset.dividedBy(10), plan.maxDuration()));
      }
    }
    return out;
  }

  /** --load: the read mix at the planned rate, spread evenly over services, then their requests. */
  private List<PopulationBuilder> load(WindowPlan plan, ServiceProbes probes) {
    List<PopulationBuilder> out = new ArrayList<>();
    if (!plan.load().enabled()) {
      return out;
    }
    double perService = plan.load().perSecond() / plan.targets().size();
    int streams = plan.targets().stream().mapToInt(t -> probes.require(t.serviceType()).load().size()).sum();
    int stream = 0;
    for (WindowPlan.Target target : plan.targets()) {
      List<ProbeRequest> requests = probes.require(target.serviceType()).load();
      for (ProbeRequest request : requests) {
        double rate = perService / requests.size();
        Duration offset = Duration.ofNanos((long) (1e9 / rate)).multipliedBy(stream++).dividedBy(streams);
        out.add(LoadScenarios.population(window, target.serviceType(), target.endpoint(), request, rate, plan.load().closed(), offset,
            plan.maxDuration()));
      }
    }
    return out;
  }

  /**
   * One virtual user that ends the window. Gatling's open injection cannot be stopped for one
   * population, and stopLoadGenerator stops every user at once, mid-request included. So on the
   * stop signal the watchdog first closes the flows' gate (injected flow users then do nothing),
   * lets the uptime probes and load go on while pending flows finish, for at most the grace time,
   * and only then stops the load generator. Flows still pending are abandoned and cleaned up in
   * {@link #after()}.
   */
  private PopulationBuilder watchdog() {
    FlowSupervisor flows = window.flows();
    long graceMs = window.plan().grace().toMillis();
    return scenario("window")
        .asLongAs(session -> !window.stopRequested())
        .on(pause(WATCH_EVERY))
        .exec(session -> {
          if (flows != null) {
            flows.stopStarting();
            if (flows.pending() > 0) {
              window.say(window.stopReason() + ": waiting up to " + graceMs / 1000 + " s for " + flows.pending() + " pending flow(s)");
            }
          }
          return session.set(GRACE_UNTIL, System.currentTimeMillis() + graceMs);
        })
        .asLongAs(session -> flows != null && flows.pending() > 0 && System.currentTimeMillis() < session.getLong(GRACE_UNTIL))
        .on(pause(WATCH_EVERY))
        .exec(session -> {
          window.markProbesEnd();
          return session;
        })
        .exec(stopLoadGenerator(session -> "window ended: " + window.stopReason()))
        .injectOpen(atOnceUsers(1));
  }

  @Override
  public void before() {
    window.markStart();
    window.startTcpProbes();
  }

  @Override
  public void after() {
    window.close();
  }

}
