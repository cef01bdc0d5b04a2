package dev.vigil.run;

import dev.vigil.lifecycle.Outcome;
import dev.vigil.result.WindowResult;
import java.util.List;

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
    List<DataPlane> dataPlane) {

  public Evidence {
    health = List.copyOf(health);
    resources = List.copyOf(resources);
    duringOutages = List.copyOf(duringOutages);
    dataPlane = List.copyOf(dataPlane);
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

  /** The thresholds of the zero-impact and zero-downtime rules (settings {@code thresholds:}). */
  public record Thresholds(double tolerance, double significance, double maxDowntimeSeconds) {}
}
