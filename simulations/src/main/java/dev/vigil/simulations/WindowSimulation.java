package dev.vigil.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGenerator;

import dev.vigil.probe.ProbeRequest;
import dev.vigil.probe.ServiceProbe;
import dev.vigil.probe.ServiceProbes;
import dev.vigil.recording.Connection;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One observation window: uptime probes of every planned service over new and reused connections,
 * until the stop signal or the plan's maximum duration. Run by {@code vigil watch} in a child JVM,
 * or alone with {@code mvn gatling:test -Dvigil.plan=RUN_DIR/plan.json}.
 */
public class WindowSimulation extends Simulation {

  private static final Duration WATCH_EVERY = Duration.ofMillis(100);

  private final Window window = Window.open(WindowPlan.read(Path.of(requiredProperty("vigil.plan"))));

  {
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
    setUp(populations).maxDuration(plan.maxDuration());
  }

  /** One virtual user that ends the window when the stop signal comes. */
  private PopulationBuilder watchdog() {
    return scenario("window")
        .asLongAs(session -> !window.stopRequested())
        .on(pause(WATCH_EVERY))
        .exec(stopLoadGenerator(session -> "window ended: " + window.stopReason()))
        .injectOpen(atOnceUsers(1));
  }

  @Override
  public void before() {
    window.markStart();
  }

  @Override
  public void after() {
    window.close();
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("-D" + name + " is not set: run through `vigil watch`, or pass -D" + name + "=RUN_DIR/plan.json");
    }
    return value;
  }
}
