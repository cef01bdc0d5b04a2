package dev.vigil.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --metrics-listen}: where a window serves /metrics for Prometheus (docs/prometheus.md). */
public final class MetricsOption {

  @Option(names = "--metrics-listen", paramLabel = "HOST:PORT",
      description = "Serve /metrics (OpenMetrics) for Prometheus while the window runs, e.g. 127.0.0.1:9464 (default: metrics.listen, off).")
  String listen;

  void addOverrides(Map<String, String> overrides) {
    if (listen != null) {
      overrides.put("metrics.listen", "'" + listen.replace("'", "''") + "'");
    }
  }
}
