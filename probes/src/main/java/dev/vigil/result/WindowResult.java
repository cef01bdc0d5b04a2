package dev.vigil.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one window measured: the content of {@code result.json} (written with snake_case names by
 * {@link ResultWriter}; the schema is in {@code docs/results.md}).
 *
 * @param schema {@value #SCHEMA}; bumped on any incompatible change
 * @param runId the run's id
 * @param cloud the cloud's name in clouds.yaml
 * @param window when the window started and ended
 * @param recording how complete the recording is
 * @param phases the phases marked during the window, in time order
 * @param services per catalog type (e.g. {@code identity}), sorted by name
 */
public record WindowResult(
    String schema,
    String runId,
    String cloud,
    Window window,
    Recording recording,
    List<PhaseSpan> phases,
    Map<String, ServiceResult> services) {

  /** v3: each outage edge's uncertainty, latency_vs_baseline per kind of request (docs/results.md). */
  public static final String SCHEMA = "vigil.result/v3";
  /** Still read: coverage, service failures, yes/no/inconclusive verdicts; latency_vs_baseline was one pooled two-sided test. */
  public static final String SCHEMA_V2 = "vigil.result/v2";
  /** Still read: verdicts were true/false, and there was no coverage. */
  public static final String SCHEMA_V1 = "vigil.result/v1";

  /** Whether Vigil reads result.json files of this schema. */
  public static boolean readable(String schema) {
    return SCHEMA.equals(schema) || SCHEMA_V2.equals(schema) || SCHEMA_V1.equals(schema);
  }

  public WindowResult {
    phases = List.copyOf(phases);
    services = Map.copyOf(services);
  }

  /** The window's bounds; outages are cut to them. */
  public record Window(Instant start, Instant end, double seconds) {}

  /**
   * @param records request records read
   * @param flows flow records read
   * @param events events read
   * @param lost records the recorder could not write (queue full or write failure), as it noted
   * @param lateProbes probes that arrived too far out of order to place in the outage timeline
   * @param truncatedFiles files whose last line was cut (a crash while writing), and skipped
   * @param observersExitCode the Gatling JVM's exit code as the CLI saw it, or null when no CLI
   *     recorded it (an older folder, or the simulation run alone)
   * @param windowClosed the Gatling JVM marked the window's end itself: it did not die first
   */
  public record Recording(long records, long flows, long events, long lost, long lateProbes,
      List<String> truncatedFiles, Integer observersExitCode, boolean windowClosed) {

    public Recording(long records, long flows, long events, long lost, long lateProbes, List<String> truncatedFiles) {
      this(records, flows, events, lost, lateProbes, truncatedFiles, null, true);
    }

    /** The injector died or was killed before it closed the window. */
    public boolean injectorDied() {
      return !windowClosed;
    }
  }

  /** A phase as marked: it lasts from its mark until the next one or the window's end. */
  public record PhaseSpan(String name, Instant start, Instant end) {

    /** Whether the interval [from, to) shares time with this phase. */
    public boolean overlaps(Instant from, Instant to) {
      return from.isBefore(end) && to.isAfter(start);
    }
  }

  /**
   * One service. Requests, failures and latency count every request sent to it (probes, flows,
   * load; see {@code traffic} for the split); downtime comes from the probes only.
   *
   * @param failures requests the probe judged bad (includes 4xx, which are not outages)
   * @param downtimeSeconds union of the outages seen on new and on reused connections
   * @param connections the same figures per connection kind: {@code new}, {@code reused}
   * @param traffic requests, failures and latency per traffic kind: {@code probe}, {@code flow},
   *     {@code load}
   * @param phases figures per phase name; empty when no phase was marked; {@code service_failures}
   *     counts the requests of every traffic kind that failed because of the service, with the
   *     first ones as samples
   * @param coverage how completely the uptime probes sampled the service; null in older files
   */
  public record ServiceResult(
      long requests,
      long failures,
      double downtimeSeconds,
      double longestOutageSeconds,
      List<OutageEntry> outages,
      Latency latencyMs,
      Flows flows,
      Map<String, ConnectionResult> connections,
      Map<String, TrafficResult> traffic,
      Map<String, PhaseResult> phases,
      Coverage coverage) {

    public ServiceResult(long requests, long failures, double downtimeSeconds, double longestOutageSeconds, List<OutageEntry> outages,
        Latency latencyMs, Flows flows, Map<String, ConnectionResult> connections, Map<String, TrafficResult> traffic,
        Map<String, PhaseResult> phases) {
      this(requests, failures, downtimeSeconds, longestOutageSeconds, outages, latencyMs, flows, connections, traffic, phases, null);
    }

    public ServiceResult withPhases(Map<String, PhaseResult> newPhases) {
      return new ServiceResult(requests, failures, downtimeSeconds, longestOutageSeconds, outages, latencyMs, flows, connections, traffic,
          newPhases, coverage);
    }

    public ServiceResult withOutages(List<OutageEntry> newOutages) {
      return new ServiceResult(requests, failures, downtimeSeconds, longestOutageSeconds, newOutages, latencyMs, flows, connections, traffic,
          phases, coverage);
    }
  }

  /**
   * Probes asked for versus probes recorded, and the stretches with no evidence at all.
   *
   * @param periodMs the probe period of each stream (1 / rate per service and connection kind)
   * @param expected probes the schedule asked for over the window, all connection kinds together
   * @param recorded probes sent and recorded
   * @param heldBack probes due but not sent because too many were in flight (a slow API); they
   *     lower the resolution, they do not blind it
   * @param fraction recorded / expected, at most 1
   * @param blindSeconds how long the service was not sampled on some connection kind (the union)
   * @param blindIntervals each stretch longer than two probe periods with no probe started, per
   *     connection kind, with its cause where it can be known
   * @param connections the same counts per connection kind
   */
  public record Coverage(double periodMs, long expected, long recorded, long heldBack, double fraction, double blindSeconds,
      List<BlindInterval> blindIntervals, Map<String, StreamCoverage> connections) {

    public Coverage {
      blindIntervals = List.copyOf(blindIntervals);
      connections = Map.copyOf(connections);
    }
  }

  public record StreamCoverage(long expected, long recorded, long heldBack, double fraction, double blindSeconds) {}

  /**
   * @param connection the probe stream that was blind: {@code new} or {@code reused}
   * @param cause why, as far as the run folder tells
   */
  public record BlindInterval(Instant start, Instant end, double seconds, String connection, String cause) {}

  public record ConnectionResult(
      long requests,
      long failures,
      double downtimeSeconds,
      double longestOutageSeconds,
      List<OutageEntry> outages,
      Latency latencyMs) {}

  public record TrafficResult(long requests, long failures, Latency latencyMs) {}

  /**
   * @param latencyVsBaseline whether this phase is slower than the baseline ({@code before} if marked,
   *     else the first one), kind by kind; null for the baseline itself
   */
  public record PhaseResult(
      long requests,
      long failures,
      double downtimeSeconds,
      Latency latencyMs,
      LatencyChange latencyVsBaseline,
      long serviceFailures,
      List<FailedRequest> serviceFailureSamples) {

    public PhaseResult {
      serviceFailureSamples = serviceFailureSamples == null ? List.of() : List.copyOf(serviceFailureSamples);
    }

    public PhaseResult(long requests, long failures, double downtimeSeconds, Latency latencyMs, LatencyChange latencyVsBaseline) {
      this(requests, failures, downtimeSeconds, latencyMs, latencyVsBaseline, 0, List.of());
    }

    public PhaseResult withLatencyVsBaseline(LatencyChange change) {
      return new PhaseResult(requests, failures, downtimeSeconds, latencyMs, change, serviceFailures, serviceFailureSamples);
    }
  }

  /**
   * A request of any traffic kind that failed because of the service ({@code
   * ErrorKind.isServiceFailure}): the evidence zero-downtime names.
   *
   * @param request the probe request's name or the flow's step
   * @param error the error kind, e.g. {@code http_5xx}
   */
  public record FailedRequest(Instant start, String traffic, String request, String method, int status, String error, String requestId) {}

  /**
   * Why an outage's requests failed, as the service's own logs say: its failed requests (those
   * whose time overlaps the outage, its start's uncertainty included), the first few that carry a
   * request id with the log lines naming that id. Null in an outage nobody looked for (older
   * files, or {@code vigil report} on a folder whose result.json never had it).
   *
   * @param failedRequests every request of the service that failed in the outage, any traffic kind
   * @param withoutRequestId those that carry no request id: answered by the load balancer (a 502
   *     or 503 with no server) or refused, so they never reached a service that could log them
   * @param requests the first ones with a request id, at most a bound per outage, each with its lines
   * @param notes what limited the search: no log source for the service, a file that could not be
   *     read, the time budget spent, requests with ids left out by the bound
   */
  public record Why(long failedRequests, long withoutRequestId, List<RequestLines> requests, List<String> notes, List<String> balancerLines) {

    /**
     * @param balancerLines the load balancer's own log lines for the service's backend in the
     *     outage, when it answered requests itself (no server, a refused or cut connection): the
     *     why of the failures that carry no request id; at most a bound of them
     */
    public Why {
      requests = List.copyOf(requests);
      notes = List.copyOf(notes);
      balancerLines = balancerLines == null ? List.of() : List.copyOf(balancerLines);
    }

    public Why(long failedRequests, long withoutRequestId, List<RequestLines> requests, List<String> notes) {
      this(failedRequests, withoutRequestId, requests, notes, List.of());
    }
  }

  /**
   * One failed request and the lines of the service's logs that carry its id, secrets hidden.
   *
   * @param found true when some line carries the id, false when the logs were searched and none
   *     does, null when they were not searched (no log source for the service)
   * @param lines at most a bound of them, each cut to a bound of characters, in file order
   */
  public record RequestLines(String requestId, Instant start, String traffic, String request, String method, int status, String error,
      Boolean found, List<String> lines) {

    public RequestLines {
      lines = lines == null ? List.of() : List.copyOf(lines);
    }
  }

  /**
   * @param ongoing true when the service had not come back when the window ended
   * @param during the services this one depends on (Keystone for every service's tokens; Placement,
   *     Neutron and Glance for Nova; Glance for Cinder) that were down at the same time: the likely
   *     cause. The outage still counts: users saw it. Empty when none was
   */
  /**
   * One outage. The service really went down within {@code startUncertaintyMs} before {@code start}
   * and came back within {@code endUncertaintyMs} before {@code end} (see {@code OutageTracker}); an
   * edge that is the window's has none. Files written before edges had an uncertainty read 0.
   */
  public record OutageEntry(Instant start, Instant end, double seconds, boolean ongoing, long startUncertaintyMs,
      long endUncertaintyMs, List<String> during, Why why) {

    public OutageEntry {
      during = during == null ? List.of() : List.copyOf(during);
    }

    public OutageEntry(Instant start, Instant end, double seconds, boolean ongoing, long startUncertaintyMs,
        long endUncertaintyMs, List<String> during) {
      this(start, end, seconds, ongoing, startUncertaintyMs, endUncertaintyMs, during, null);
    }

    public OutageEntry(Instant start, Instant end, double seconds, boolean ongoing) {
      this(start, end, seconds, ongoing, 0, 0, List.of());
    }

    public OutageEntry withDuring(List<String> causes) {
      return new OutageEntry(start, end, seconds, ongoing, startUncertaintyMs, endUncertaintyMs, causes, why);
    }

    public OutageEntry withWhy(Why reasons) {
      return new OutageEntry(start, end, seconds, ongoing, startUncertaintyMs, endUncertaintyMs, during, reasons);
    }

    /** {@code " (during identity's outage)"}, or empty. */
    public String cause() {
      return during.isEmpty() ? "" : " (during " + String.join(" and ", during.stream().map(d -> d + "'s").toList())
          + (during.size() == 1 ? " outage)" : " outages)");
    }
  }

  /** Milliseconds, exact below 60 s; percentiles are nearest-rank; null when count is 0. */
  public record Latency(long count, Long p50, Long p95, Long p99, Long max, Double mean) {}

  public record Flows(long honoured, long failed, long lost) {}

  /**
   * Mann–Whitney U test on random samples (up to 10,000 each) of the two phases' latencies.
   *
   * @param baseline the phase compared with
   * @param pValue two-sided; small (e.g. &lt; 0.01) means the latency distribution changed
   * @param medianDeltaMs this phase's median minus the baseline's
   */
  /**
   * The zero-impact test of one phase against the baseline, kind by kind (see {@code ImpactTest}):
   * the same test and floors as the verdict and {@code vigil compare}.
   *
   * @param baseline the phase compared with: {@code before} if marked, else the first
   * @param outcome {@code slower} when a kind is slower or stalls, {@code not_slower} when every kind
   *     judged is not, {@code too_few} when no kind had enough requests in both
   * @param kinds each kind of request seen in this phase
   */
  public record LatencyChange(String baseline, String outcome, List<KindChange> kinds) {

    public LatencyChange {
      kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }
  }

  /**
   * One kind of request in a phase against the same kind in the baseline; medians in ms, {@code
   * pValue} of the one-sided Mann–Whitney test "slower than the baseline"; null when not judged.
   *
   * @param outcome {@code slower}, {@code stalls}, {@code not_slower} or {@code too_few}
   * @param stalls requests above the stall bar (a multiple of the baseline's p99), in the baseline and here
   */
  public record KindChange(String kind, String outcome, int baselineCount, int count, Double baselineMedianMs, Double medianMs,
      Double pValue, long baselineStalls, long stalls) {}
}
