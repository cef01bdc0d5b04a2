package dev.vigil.run;

import dev.vigil.lifecycle.Outcome;
import dev.vigil.result.WindowResult;
import dev.vigil.performance.ImpactCriteria;
import java.util.List;
import java.util.Map;

/**
 * Everything the verdict of one service rests on, gathered from the validators and the window.
 *
 * @param service the service type
 * @param release what the release-version validator read
 * @param health system-health outcomes of this service and the cloud-wide ones
 * @param resources every persistent-resources outcome (creation, verification) but the final
 *     removal; those of other services' resources show the validator ran, only this service's and
 *     cloud-wide ones can fail its verdict
 * @param before the service's figures in the before phase (baseline), or null if not measured
 * @param during the service's figures in the during phase, or null if not measured
 * @param beforeSeconds how long the before phase lasted
 * @param duringSeconds how long the during phase lasted
 * @param duringOutages the outages that overlap the during phase
 * @param lostFlowsDuring availability flows accepted in the during phase and never honoured nor failed
 * @param dataPlane the workloads probed beside the APIs ({@code --data-plane}), the same for every
 *     service: the cloud's data plane is what "accessible" asks about
 * @param latencies the service's successful requests' latencies per kind of request, before and
 *     during: the zero-impact test's samples
 */
public record Evidence(
    String service,
    ReleaseFacts release,
    List<Outcome> health,
    List<Outcome> resources,
    WindowResult.PhaseResult before,
    WindowResult.PhaseResult during,
    double beforeSeconds,
    double duringSeconds,
    List<WindowResult.OutageEntry> duringOutages,
    long lostFlowsDuring,
    List<DataPlane> dataPlane,
    Latencies latencies) {

  public Evidence {
    health = List.copyOf(health);
    resources = List.copyOf(resources);
    duringOutages = List.copyOf(duringOutages);
    dataPlane = List.copyOf(dataPlane);
    latencies = latencies == null ? Latencies.none() : latencies;
  }

  /** Without latency samples per kind of request: zero impact cannot be judged. */
  public Evidence(String service, ReleaseFacts release, List<Outcome> health, List<Outcome> resources, WindowResult.PhaseResult before,
      WindowResult.PhaseResult during, double beforeSeconds, double duringSeconds, List<WindowResult.OutageEntry> duringOutages,
      long lostFlowsDuring, List<DataPlane> dataPlane) {
    this(service, release, health, resources, before, during, beforeSeconds, duringSeconds, duringOutages, lostFlowsDuring, dataPlane,
        Latencies.none());
  }

  /**
   * Latencies (ms) of the service's successful requests by kind of request ({@link
   * dev.vigil.result.LatencyByKind#kind}), in the before and during phases.
   */
  public record Latencies(Map<String, long[]> before, Map<String, long[]> during) {

    public Latencies {
      before = Map.copyOf(before);
      during = Map.copyOf(during);
    }

    public static Latencies none() {
      return new Latencies(Map.of(), Map.of());
    }
  }

  /** One data-plane target over the whole window. */
  public record DataPlane(String target, long requests, long failures, double downtimeSeconds) {}

  /**
   * @param before the release read before, e.g. {@code zed}, {@code one of zed … 2024.1}, or {@code unknown (…)}
   * @param after the same after the upgrade
   * @param asExpected the release after is as expected (--expect-after, else same or newer than before)
   * @param why one line: what was compared
   */
  public record ReleaseFacts(String before, String after, boolean asExpected, String why) {}

  /**
   * The thresholds of the zero-impact and zero-downtime rules (settings {@code thresholds:}).
   *
   * @param tolerance the zero-impact test's relative floor, and how much lower throughput may be
   * @param floorMs the zero-impact test's absolute floor
   * @param stallMultiple stalls: slower than this multiple of the baseline's p99
   * @param stallShare stalls: more than this share of a kind's requests
   */
  public record Thresholds(double tolerance, double significance, double maxDowntimeSeconds, double floorMs, double stallMultiple,
      double stallShare) {

    /** With the default floor (20 ms) and stall rule (3 × p99, 1 %). */
    public Thresholds(double tolerance, double significance, double maxDowntimeSeconds) {
      this(tolerance, significance, maxDowntimeSeconds, ImpactCriteria.defaults().floorMs(), ImpactCriteria.defaults().stallMultiple(),
          ImpactCriteria.defaults().stallShare());
    }

    /** The zero-impact test's criteria. */
    public ImpactCriteria impact() {
      return new ImpactCriteria(significance, floorMs, tolerance, stallMultiple, stallShare, ImpactCriteria.DEFAULT_MIN_SAMPLES);
    }
  }
}
