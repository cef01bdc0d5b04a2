package dev.vigil.settings;

import dev.vigil.performance.ImpactCriteria;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code thresholds:} when Vigil calls an upgrade's effect a regression.
 *
 * @param latencyP95Tolerance the relative floor of the zero-impact test: a kind of request is
 *     slower only if its median rose by more than this fraction of the baseline's; also how much
 *     lower throughput may be; 0.20 is 20 % [0.20]
 * @param significance the p-value under which a difference counts as real rather than noise [0.01]
 * @param maxDowntime how long a service may be unavailable in total [0]
 * @param latencyFloor the absolute floor: the median must also rise by more than this [20ms]
 * @param stallMultiple a request slower than this multiple of the baseline's p99 (and than the p99
 *     plus the absolute floor) is a stall [3]
 * @param stallShare intermittent stalls: more than this fraction of a kind's requests are stalls,
 *     significantly more often than in the baseline [0.01]
 */
public record ThresholdSettings(
    double latencyP95Tolerance, double significance, Duration maxDowntime, Duration latencyFloor, double stallMultiple, double stallShare) {

  public ThresholdSettings {
    Objects.requireNonNull(maxDowntime, "maxDowntime");
    Objects.requireNonNull(latencyFloor, "latencyFloor");
  }

  /** With the default floor and stall rule. */
  public ThresholdSettings(double latencyP95Tolerance, double significance, Duration maxDowntime) {
    this(latencyP95Tolerance, significance, maxDowntime, Duration.ofMillis(20), 3, 0.01);
  }

  public static ThresholdSettings defaults() {
    return new ThresholdSettings(0.20, 0.01, Duration.ZERO);
  }

  /** The zero-impact test's criteria, shared by {@code vigil run}'s verdict and {@code vigil compare}. */
  public ImpactCriteria impact() {
    return new ImpactCriteria(significance, latencyFloor.toMillis(), latencyP95Tolerance, stallMultiple, stallShare, ImpactCriteria.DEFAULT_MIN_SAMPLES);
  }
}
