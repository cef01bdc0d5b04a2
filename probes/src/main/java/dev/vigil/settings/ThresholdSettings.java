package dev.vigil.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code thresholds:} when Vigil calls an upgrade's effect a regression.
 *
 * @param latencyP95Tolerance how much the 95th percentile latency may grow over the baseline, as a
 *     fraction: 0.20 is 20 % [0.20]
 * @param significance the p-value under which a difference counts as real rather than noise [0.01]
 * @param maxDowntime how long a service may be unavailable in total [0]
 */
public record ThresholdSettings(
    double latencyP95Tolerance, double significance, Duration maxDowntime) {

  public ThresholdSettings {
    Objects.requireNonNull(maxDowntime, "maxDowntime");
  }

  public static ThresholdSettings defaults() {
    return new ThresholdSettings(0.20, 0.01, Duration.ZERO);
  }
}
