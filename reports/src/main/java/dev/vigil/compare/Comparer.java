package dev.vigil.compare;

import dev.vigil.performance.LatencyHistogram;
import dev.vigil.performance.Reservoir;
import dev.vigil.performance.Significance;
import dev.vigil.recording.RecordReader;
import dev.vigil.recording.RequestRecord;
import dev.vigil.report.RunFolderReader;
import dev.vigil.result.ResultAnalyzer;
import dev.vigil.result.WindowResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares two run folders. Downtime, failures and verdicts come from each {@code result.json};
 * latency is read again from each {@code records.tsv} (one pass, memory bounded per service),
 * because the significance test needs raw values. Latency counts the requests that succeeded
 * only: failures have their own column, and a refused connection (1 ms) would otherwise make a run
 * with an outage look faster. Requests belong to the phase in effect at their start, as in the
 * analyzer, so without failures the during phase's p50 and p95 are those of {@code result.json}.
 */
public final class Comparer {

  public static final double DEFAULT_SIGNIFICANCE = 0.01;

  private final double significance;

  public Comparer(double significance) {
    if (!(significance > 0 && significance < 1)) {
      throw new IllegalArgumentException("significance must be between 0 and 1");
    }
    this.significance = significance;
  }

  public Comparison compare(Path dirA, Path dirB) {
    RunFolderReader.Result a = RunFolderReader.result(dirA);
    RunFolderReader.Result b = RunFolderReader.result(dirB);
    String scope = hasDuring(a.window()) && hasDuring(b.window()) ? "during" : "window";
    Map<String, Latencies> latA = latencies(a, scope);
    Map<String, Latencies> latB = latencies(b, scope);

    TreeSet<String> services = new TreeSet<>(a.window().services().keySet());
    services.addAll(b.window().services().keySet());
    services.addAll(a.verdicts().keySet());
    services.addAll(b.verdicts().keySet());
    List<Comparison.ServiceRow> rows = new ArrayList<>();
    for (String service : services) {
      Latencies la = latA.get(service);
      Latencies lb = latB.get(service);
      Comparison.LatencyChange change = null;
      if (la != null && lb != null && la.histogram.count() > 0 && lb.histogram.count() > 0) {
        Significance.MannWhitney test = Significance.mannWhitneyU(lb.sample.values(), la.sample.values());
        String direction = test.pValue() >= significance ? "same"
            : test.u() > (double) test.n1() * test.n2() / 2 ? "slower" : "faster";
        change = new Comparison.LatencyChange(test.pValue(), lb.histogram.percentile(50) - la.histogram.percentile(50), direction);
      }
      rows.add(new Comparison.ServiceRow(service, figures(a, service, la), figures(b, service, lb), change));
    }
    return new Comparison(run(a), run(b), scope, significance, rows);
  }

  private static boolean hasDuring(WindowResult w) {
    return w.phases().stream().anyMatch(p -> p.name().equals("during"));
  }

  private static Comparison.Run run(RunFolderReader.Result r) {
    return new Comparison.Run(r.folder(), r.window().runId(), r.window().cloud(), r.run() != null, r.window().window().seconds());
  }

  private static Comparison.Figures figures(RunFolderReader.Result r, String service, Latencies lat) {
    WindowResult.ServiceResult s = r.window().services().get(service);
    var verdict = r.verdicts().get(service);
    if (s == null && verdict == null) {
      return null;
    }
    WindowResult.PhaseResult during = s == null ? null : s.phases().get("during");
    boolean hasDuring = hasDuring(r.window());
    long n = lat == null ? 0 : lat.histogram.count();
    return new Comparison.Figures(s == null ? 0 : s.downtimeSeconds(),
        hasDuring ? (Double) (during == null ? 0.0 : during.downtimeSeconds()) : null,
        s == null ? 0 : s.requests(), s == null ? 0 : s.failures(), n,
        n == 0 ? null : lat.histogram.percentile(50), n == 0 ? null : lat.histogram.percentile(95),
        verdict == null ? null : verdict.verdict());
  }

  /** Latency of every request in scope, per service: an exact histogram and a seeded sample. */
  private static final class Latencies {
    final LatencyHistogram histogram = new LatencyHistogram();
    final Reservoir sample;

    Latencies(String service, String scope) {
      // The analyzer's seed for this service and phase: a repeated comparison gives the same p-value.
      ResultAnalyzer.Options o = ResultAnalyzer.Options.defaults();
      sample = new Reservoir(o.reservoirCapacity(), o.seed() + 31L * service.hashCode() + scope.hashCode());
    }

    void add(long ms) {
      histogram.record(ms);
      sample.add(ms);
    }
  }

  private static Map<String, Latencies> latencies(RunFolderReader.Result r, String scope) {
    Map<String, Latencies> result = new HashMap<>();
    if (!Files.isRegularFile(r.folder().resolve("records.tsv"))) {
      return result;
    }
    List<WindowResult.PhaseSpan> phases = r.window().phases();
    try (RecordReader<RequestRecord> records = RecordReader.requests(r.folder())) {
      while (records.hasNext()) {
        RequestRecord rec = records.next();
        if (rec.ok() && (scope.equals("window") || "during".equals(phaseAt(phases, rec.startMs())))) {
          result.computeIfAbsent(rec.service(), s -> new Latencies(s, scope)).add(rec.latencyMs());
        }
      }
    }
    return result;
  }

  /** The phase in effect at {@code t}: the last one marked at or before it (as the analyzer places requests). */
  static String phaseAt(List<WindowResult.PhaseSpan> phases, long t) {
    String name = null;
    for (WindowResult.PhaseSpan p : phases) {
      if (p.start().toEpochMilli() <= t) {
        name = p.name();
      } else {
        break;
      }
    }
    return name;
  }
}
