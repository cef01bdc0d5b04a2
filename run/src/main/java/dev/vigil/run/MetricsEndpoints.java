package dev.vigil.run;

import dev.vigil.simulations.RunFolder;
import dev.vigil.metrics.MetricsEndpoint;
import dev.vigil.settings.Settings;
import dev.vigil.simulations.LiveLine;
import java.util.function.Consumer;

/** The /metrics endpoint of a run, when the settings name an address (metrics.listen, --metrics-listen). */
public final class MetricsEndpoints {

  private MetricsEndpoints() {}

  /** @return the endpoint serving the run folder, or null when metrics.listen is unset */
  public static MetricsEndpoint start(Settings settings, RunFolder run, String cloud, Terminal terminal) {
    if (!settings.metrics().enabled()) {
      return null;
    }
    return MetricsEndpoint.start(run.dir(), run.runId(), cloud, settings.metrics().listen(), InfluxSinks.outageLateness(settings),
        settings.metrics().linger(), terminal::info);
  }

  /** The window's lines to the terminal, their in-flight figures to the endpoint too. */
  public static Consumer<String> liveLines(MetricsEndpoint endpoint, Terminal terminal) {
    return line -> {
      terminal.info("  " + line);
      LiveLine live = endpoint == null ? null : LiveLine.parse(line);
      if (live != null) {
        endpoint.inFlight(live.service(), live.inFlight());
      }
    };
  }

  /** Serves the final counts and the verdict for metrics.linger, then stops. */
  public static void stop(MetricsEndpoint endpoint, Terminal terminal) {
    if (endpoint != null) {
      terminal.info("metrics: serving the final figures for " + dev.vigil.settings.Durations.format(endpoint.linger()) + " more");
      endpoint.close();
    }
  }
}
