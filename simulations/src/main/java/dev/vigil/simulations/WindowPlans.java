package dev.vigil.simulations;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.settings.LoadSettings;
import dev.vigil.settings.Settings;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The plan a Gatling window runs from, as the settings describe it; {@code watch} and {@code run} share it. */
public final class WindowPlans {

  private WindowPlans() {}

  /**
   * The plan of a window over {@code targets} that ends by itself after {@code length} at the
   * latest (plus room for the flows' grace time after the stop signal); shared with {@code run}.
   */
  public static WindowPlan of(RunFolder run, CloudConfig cloud, List<WindowPlan.Target> targets, Settings settings, Duration length,
      String flowImage, String flowFlavor, String flowNetwork) {
    double perSecond = settings.probe().ratePerService().count() / (settings.probe().ratePerService().per().toNanos() / 1e9);
    return new WindowPlan(
        run.runId(),
        cloud.name(),
        run.dir(),
        targets,
        perSecond,
        settings.probe().connections().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).sorted().toList(),
        settings.probe().timeout(),
        length.plus(settings.flows().grace()).plusSeconds(30),
        settings.flows().grace(),
        ProcessHandle.current().pid(),
        injector(settings),
        settings.token().refreshMargin(),
        new WindowPlan.FlowPlan(settings.flows().enabled(), settings.flows().rate().perSecond(), settings.flows().circuitBreakerFailures(),
            flowImage, flowFlavor, flowNetwork),
        loadPlan(settings.load())).withMaxInFlight(settings.probe().maxInFlight());
  }

  private static WindowPlan.LoadPlan loadPlan(LoadSettings load) {
    return new WindowPlan.LoadPlan(load.rate().perSecond(), load.model().name(), load.writes());
  }

  /** The injector tag of a run's points: the settings' name, else this host's. */
  public static String injector(Settings settings) {
    return settings.influx().injector() != null ? settings.influx().injector() : hostname();
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }
}
