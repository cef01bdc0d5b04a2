package dev.vigil.run;

import dev.vigil.lifecycle.Outcome;
import dev.vigil.performance.ImpactCriteria;
import dev.vigil.recording.FlowRecord;
import dev.vigil.result.ServiceVerdict.Answer;
import dev.vigil.result.WindowResult;
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
 * @param before the baseline, or null if no before phase was measured
 * @param upgrade the stretches judged for the upgrade's effect: {@code during} and {@code after}
 *     (the after phase catches what the upgrade leaves behind), those that were marked
 * @param brokenFlows availability flows of this service that failed or were lost (accepted and
 *     never processed) while touching the judged stretches
 * @param loadRequests load requests sent to the service in the window (zero-impact is about
 *     behaviour under load; load runs through the whole window when it runs)
 * @param completeness how complete the recording is
 * @param dataPlane the workloads probed beside the APIs ({@code --data-plane}), the same for every
 *     service: the cloud's data plane is what "accessible" asks about
 * @param latencies the service's successful requests' latencies per phase and kind of request: the
 *     zero-impact test's samples
 */
public record Evidence(
    String service,
    ReleaseFacts release,
    List<Outcome> health,
    List<Outcome> resources,
    Stretch before,
    List<Stretch> upgrade,
    List<FlowRecord> brokenFlows,
    long loadRequests,
    Completeness completeness,
    List<DataPlane> dataPlane,
    Latencies latencies) {

  public Evidence {
    health = List.copyOf(health);
    resources = List.copyOf(resources);
    upgrade = List.copyOf(upgrade);
    brokenFlows = List.copyOf(brokenFlows);
    dataPlane = List.copyOf(dataPlane);
    latencies = latencies == null ? Latencies.none() : latencies;
  }

  /** Without latency samples per kind of request: zero impact's latency rule is inconclusive. */
  public Evidence(String service, ReleaseFacts release, List<Outcome> health, List<Outcome> resources, Stretch before, List<Stretch> upgrade,
      List<FlowRecord> brokenFlows, long loadRequests, Completeness completeness, List<DataPlane> dataPlane) {
    this(service, release, health, resources, before, upgrade, brokenFlows, loadRequests, completeness, dataPlane, Latencies.none());
  }

  /**
   * Latencies (ms) of the service's successful requests by phase ({@code before}, {@code during},
   * {@code after}), then by kind of request ({@link dev.vigil.result.LatencyByKind#kind}).
   */
  public record Latencies(Map<String, Map<String, long[]>> byPhase) {

    public Latencies {
      byPhase = Map.copyOf(byPhase);
    }

    public static Latencies none() {
      return new Latencies(Map.of());
    }

    /** Kind → latencies in a phase; empty when the phase recorded none. */
    public Map<String, long[]> of(String phase) {
      return byPhase.getOrDefault(phase, Map.of());
    }
  }

  /**
   * One phase of one service.
   *
   * @param figures the service's figures in the phase, or null if it recorded nothing there
   * @param seconds how long the phase lasted
   * @param outages the service's outages that overlap the phase
   * @param blind the service's blind intervals that overlap the phase
   */
  public record Stretch(String phase, WindowResult.PhaseResult figures, double seconds, List<WindowResult.OutageEntry> outages,
      List<WindowResult.BlindInterval> blind) {

    public Stretch {
      outages = List.copyOf(outages);
      blind = List.copyOf(blind);
    }
  }

  /**
   * @param measured the window recorded this service at all (false: it never started, or the
   *     service was never probed)
   * @param injectorDied the Gatling JVM died before closing the window
   * @param observersExitCode its exit code, when known
   * @param lostRecords records the recorder could not write
   * @param lateProbes probes too far out of order to place in the outage timeline
   * @param truncatedFiles run files whose last line was cut
   * @param coverage the service's coverage, or null when not computed
   */
  public record Completeness(boolean measured, boolean injectorDied, Integer observersExitCode, long lostRecords, long lateProbes,
      List<String> truncatedFiles, WindowResult.Coverage coverage) {

    public Completeness {
      truncatedFiles = List.copyOf(truncatedFiles);
    }
  }

  /** One data-plane target over the whole window. */
  public record DataPlane(String target, long requests, long failures, double downtimeSeconds) {}

  /**
   * @param before the release read before, e.g. {@code zed}, {@code one of zed … 2024.1}, or {@code unknown (…)}
   * @param after the same after the upgrade
   * @param answer YES when the release after is as expected (--expect-after, else same or newer than
   *     before), NO when it is not, INCONCLUSIVE when the documents cannot tell
   * @param why one line: what was compared
   */
  public record ReleaseFacts(String before, String after, Answer answer, String why) {}

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
