package dev.vigil.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code metrics:} the Prometheus/OpenMetrics endpoint a window serves (docs/prometheus.md).
 *
 * @param listen {@code HOST:PORT} to serve {@code /metrics} on while the window runs, or null for none
 * @param linger how long {@code /metrics} stays up after the run has ended, so that the last scrape
 *     sees the final counters and the verdict [15s]
 */
public record MetricsSettings(String listen, Duration linger) {

  public MetricsSettings {
    Objects.requireNonNull(linger, "linger");
  }

  public static MetricsSettings defaults() {
    return new MetricsSettings(null, Duration.ofSeconds(15));
  }

  public boolean enabled() {
    return listen != null;
  }
}
