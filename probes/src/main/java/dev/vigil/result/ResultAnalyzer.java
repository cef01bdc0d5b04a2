package dev.vigil.result;

import dev.vigil.VigilException;
import dev.vigil.performance.ImpactCriteria;
import dev.vigil.performance.ImpactTest;
import dev.vigil.performance.Slowdown;
import dev.vigil.recording.EventKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RecordReader;
import dev.vigil.recording.RequestRecord;
import dev.vigil.uptime.OutageTracker;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link WindowResult} from a run folder. It reads {@code events.tsv} first (window bounds
 * and phase marks: a handful of lines), then {@code flows.tsv}, then streams {@code records.tsv}
 * once. Memory is bounded by services × (connection kinds + traffic kinds + phases) histograms, one
 * reservoir per service and phase, the outage trackers' reorder buffers and the outages found; it
 * does not grow with the number of records.
 */
public final class ResultAnalyzer {

  private static final Pattern LOST = Pattern.compile("\\blost=(\\d+)");
  private static final Pattern EXIT = Pattern.compile("^" + EventRecord.OBSERVERS_EXIT + " (-?\\d+)$");

  /**
   * @param maxLatenessMs how far out of start order a probe may arrive (see {@link OutageTracker})
   * @param impact the zero-impact test's criteria for each phase's {@code latency_vs_baseline}: the
   *     run's thresholds, so result.json and the verdict agree
   */
  public record Options(long maxLatenessMs, ImpactCriteria impact) {

    public Options {
      if (maxLatenessMs < 0) {
        throw new IllegalArgumentException("maxLatenessMs must not be negative");
      }
      java.util.Objects.requireNonNull(impact, "impact");
    }

    public static Options defaults() {
      return new Options(OutageTracker.DEFAULT_MAX_LATENESS_MS, ImpactCriteria.defaults());
    }

    public Options withImpact(ImpactCriteria criteria) {
      return new Options(maxLatenessMs, criteria);
    }
  }

  private final Options options;

  public ResultAnalyzer() {
    this(Options.defaults());
  }

  public ResultAnalyzer(Options options) {
    this.options = options;
  }

  /**
   * Reads the run folder {@code runDir} and computes its result.
   *
   * @param runId the run's id; null for the folder's name
   * @param cloud the cloud's name, or null if unknown
   * @throws VigilException if the folder is not a run folder, a file is damaged, or it holds
   *     neither records nor window marks
   */
  public WindowResult analyze(Path runDir, String runId, String cloud) {
    EventSummary events = readEvents(runDir);
    ProbePlan plan = ProbePlan.read(runDir);
    Map<String, ServiceAccumulator> services = new TreeMap<>();
    for (ProbePlan.Stream stream : plan.streams()) {
      try {
        service(services, stream.service(), plan).expect(dev.vigil.recording.Connection.valueOf(stream.connection().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        // a connection kind this version does not know: nothing to expect of it
      }
    }
    List<String> truncated = new ArrayList<>();

    long flowCount = 0;
    try (RecordReader<FlowRecord> flows = RecordReader.flows(runDir)) {
      while (flows.hasNext()) {
        FlowRecord f = flows.next();
        flowCount++;
        service(services, f.service(), plan).add(f);
      }
      if (flows.truncated()) {
        truncated.add(flows.file().getFileName().toString());
      }
    }

    // each phase's zero-impact test needs raw latencies per kind: gathered in this pass, not a second read
    LatencyByKind latencies = events.phases.size() > 1 ? LatencyByKind.collecting() : null;
    long recordCount = 0;
    long minStart = Long.MAX_VALUE;
    long maxEnd = Long.MIN_VALUE;
    try (RecordReader<RequestRecord> records = RecordReader.requests(runDir)) {
      while (records.hasNext()) {
        RequestRecord r = records.next();
        recordCount++;
        minStart = Math.min(minStart, r.startMs());
        maxEnd = Math.max(maxEnd, r.endMs());
        int phase = events.phases.indexAt(r.startMs());
        String phaseName = phase < 0 ? null : events.phases.name(phase);
        service(services, r.service(), plan).add(r, phaseName);
        if (latencies != null) {
          latencies.add(r, phaseName);
        }
      }
      if (records.truncated()) {
        truncated.add(records.file().getFileName().toString());
      }
    }
    if (events.truncated) {
      truncated.add("events.tsv");
    }

    long start = events.windowStart != null ? events.windowStart
        : Math.min(minStart, events.phases.isEmpty() ? Long.MAX_VALUE : events.phases.startMs(0));
    long end = events.windowEnd != null ? events.windowEnd : maxEnd;
    if (events.windowEnd == null && events.observersExitMs != null) {
      // the injector died before closing the window: the run went on until the CLI saw it end
      end = Math.max(end, events.observersExitMs);
    }
    if (start == Long.MAX_VALUE || end == Long.MIN_VALUE) {
      throw new VigilException("The run folder " + runDir + " holds no requests and no window marks: the window"
          + " recorded nothing; check the simulation's log in that folder");
    }
    end = Math.max(start, end);

    boolean windowClosed = events.windowEnd != null;
    long probesUntil = events.probesEndMs != null ? Math.min(end, Math.max(start, events.probesEndMs)) : end;
    Map<String, WindowResult.Coverage> coverage = new CoverageBuilder(start, probesUntil, plan.periodMs(),
        new CoverageBuilder.Recording(events.lost, !windowClosed, events.observersExit)).build(services);
    Map<String, WindowResult.ServiceResult> results = new TreeMap<>();
    long lateProbes = 0;
    for (Map.Entry<String, ServiceAccumulator> e : services.entrySet()) {
      results.put(e.getKey(), e.getValue().build(start, end, events.phases, coverage.get(e.getKey())));
      lateProbes += e.getValue().lateProbes();
    }
    List<WindowResult.PhaseSpan> spans = new ArrayList<>();
    for (int i = 0; i < events.phases.size(); i++) {
      spans.add(new WindowResult.PhaseSpan(events.phases.name(i), Instant.ofEpochMilli(events.phases.startMs(i)),
          Instant.ofEpochMilli(events.phases.endMs(i, end))));
    }
    if (latencies != null) {
      results = withLatencyChanges(results, latencies);
    }
    return new WindowResult(WindowResult.SCHEMA,
        runId != null ? runId : String.valueOf(runDir.toAbsolutePath().normalize().getFileName()), cloud,
        new WindowResult.Window(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), (end - start) / 1000.0),
        new WindowResult.Recording(recordCount, flowCount, events.count, events.lost, lateProbes, truncated, events.observersExit,
            windowClosed),
        spans, Dependencies.name(results));
  }

  /**
   * Each phase's zero-impact test against the baseline ({@code before} if marked, else the first
   * phase), kind by kind, over the raw latencies gathered in the analyzer's pass.
   */
  private Map<String, WindowResult.ServiceResult> withLatencyChanges(Map<String, WindowResult.ServiceResult> results, LatencyByKind latencies) {
    Map<String, WindowResult.ServiceResult> out = new TreeMap<>();
    results.forEach((service, r) -> {
      List<String> names = new ArrayList<>(r.phases().keySet());
      String baseline = names.contains("before") ? "before" : names.isEmpty() ? null : names.get(0);
      Map<String, WindowResult.PhaseResult> phases = new java.util.LinkedHashMap<>();
      r.phases().forEach((name, p) -> phases.put(name, name.equals(baseline) ? p
          : p.withLatencyVsBaseline(change(baseline, latencies.of(baseline, service), latencies.of(name, service)))));
      out.put(service, r.withPhases(phases));
    });
    return out;
  }

  private WindowResult.LatencyChange change(String baseline, Map<String, long[]> base, Map<String, long[]> phase) {
    List<WindowResult.KindChange> kinds = new ArrayList<>();
    boolean slower = false;
    boolean judged = false;
    for (Slowdown d : ImpactTest.judgeAll(base, phase, options.impact())) {
      slower |= d.slower();
      judged |= d.outcome() != Slowdown.Outcome.TOO_FEW;
      kinds.add(new WindowResult.KindChange(d.kind(), d.outcome().name().toLowerCase(java.util.Locale.ROOT), d.baseline().n(), d.other().n(),
          finite(d.baseline().median()), finite(d.other().median()), finite(d.pValue()), d.stallsBaseline(), d.stallsOther()));
    }
    return new WindowResult.LatencyChange(baseline, slower ? "slower" : judged ? "not_slower" : "too_few", kinds);
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private ServiceAccumulator service(Map<String, ServiceAccumulator> services, String name, ProbePlan plan) {
    return services.computeIfAbsent(name, n -> new ServiceAccumulator(n, options, plan.periodMs()));
  }

  /**
   * The few facts taken from events.tsv.
   *
   * @param windowEnd written by the injector as it closes the window; null when it died first
   * @param probesEndMs when the injector stopped sending probes, just before it closed the window
   * @param observersExitMs when the CLI saw the injector end, and {@code observersExit} its code
   */
  private record EventSummary(Long windowStart, Long windowEnd, Phases phases, long count, long lost,
      boolean truncated, Long probesEndMs, Long observersExitMs, Integer observersExit) {}

  private static EventSummary readEvents(Path runDir) {
    Long windowStart = null;
    Long windowEnd = null;
    Long probesEnd = null;
    Long exitMs = null;
    Integer exit = null;
    List<Phases.Mark> marks = new ArrayList<>();
    long count = 0;
    long lost = 0;
    boolean truncated;
    try (RecordReader<EventRecord> events = RecordReader.events(runDir)) {
      while (events.hasNext()) {
        EventRecord e = events.next();
        count++;
        if (e.kind() == EventKind.WINDOW && e.text().equals("start")) {
          windowStart = windowStart == null ? e.timestampMs() : Math.min(windowStart, e.timestampMs());
        } else if (e.kind() == EventKind.WINDOW && e.text().equals("end")) {
          windowEnd = windowEnd == null ? e.timestampMs() : Math.max(windowEnd, e.timestampMs());
        } else if (e.kind() == EventKind.WINDOW && e.text().equals(EventRecord.PROBES_END)) {
          probesEnd = probesEnd == null ? e.timestampMs() : Math.max(probesEnd, e.timestampMs());
        } else if (e.kind() == EventKind.WINDOW && EXIT.matcher(e.text()).matches()) {
          Matcher m = EXIT.matcher(e.text());
          m.matches();
          exitMs = e.timestampMs();
          exit = Integer.parseInt(m.group(1));
        } else if (e.kind() == EventKind.PHASE && !e.text().isBlank()) {
          marks.add(new Phases.Mark(e.text().strip(), e.timestampMs()));
        } else if (e.kind() == EventKind.RECORDER) {
          Matcher m = LOST.matcher(e.text());
          if (m.find()) {
            lost += Long.parseLong(m.group(1));
          }
        }
      }
      truncated = events.truncated();
    }
    // Stable sort: marks set in the same millisecond keep their written order.
    marks.sort(Comparator.comparingLong(Phases.Mark::startMs));
    return new EventSummary(windowStart, windowEnd, new Phases(marks), count, lost, truncated, probesEnd, exitMs, exit);
  }
}
