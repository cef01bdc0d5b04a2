package dev.vigil.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code flows:} end-to-end user flows (create a server, attach a volume, ...) run during the
 * upgrade, beside the read-only probes.
 *
 * @param enabled whether flows run at all [true]
 * @param rate how often a flow starts, per service [1/30s: one every 30 seconds]
 * @param grace how long a flow may take before it counts as failed, since a cloud mid-upgrade is
 *     slow without being broken [120s]
 * @param circuitBreakerFailures consecutive failures of one flow after which Vigil stops starting
 *     it, so that a broken service is not flooded with half-created resources [5]
 */
public record FlowSettings(
    boolean enabled, Rate rate, Duration grace, int circuitBreakerFailures) {

  public FlowSettings {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(grace, "grace");
  }

  public static FlowSettings defaults() {
    return new FlowSettings(true, new Rate(1, Duration.ofSeconds(30)), Duration.ofSeconds(120), 5);
  }
}
