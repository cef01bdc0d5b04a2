package dev.vigil.compare;

import dev.vigil.VigilException;
import dev.vigil.gatling.GatlingStatistics;
import dev.vigil.performance.ImpactCriteria;
import dev.vigil.performance.ImpactTest;
import dev.vigil.performance.LatencyHistogram;
import dev.vigil.performance.Slowdown;
import dev.vigil.report.RunFolderReader;
import dev.vigil.result.LatencyByKind;
import dev.vigil.result.WindowResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares two run folders, or a series of them ({@link #trend}). Downtime, failures and verdicts come from each {@code result.json};
 * latency is read again from each {@code records.tsv} (one pass, memory bounded per service and
 * kind of request), because the test needs raw values. Latency counts the requests that succeeded
 * only: failures have their own column, and a refused connection (1 ms) would otherwise make a run
 * with an outage look faster. Requests belong to the phase in effect at their start, as in the
 * analyzer, so without failures the during phase's p50 and p95 are those of {@code result.json}.
 *
 * <p>B is slower than A by the zero-impact test of {@code vigil run} ({@link ImpactTest}), with the
 * same floors: per kind of request (each probe request and connection, each flow step, each load
 * request), one-sided, beyond an absolute and a relative floor, or with intermittent stalls. B is
 * faster when no kind is slower in B and some kind is slower in A by the same test.
 */
public final class Comparer {

  public static final double DEFAULT_SIGNIFICANCE = ImpactCriteria.defaults().significance();

  private final ImpactCriteria criteria;

  /** The default floors and stall rule with this significance. */
  public Comparer(double significance) {
    this(withSignificance(significance));
  }

  public Comparer(ImpactCriteria criteria) {
    this.criteria = criteria;
  }

  private static ImpactCriteria withSignificance(double significance) {
    if (!(significance > 0 && significance < 1)) {
      throw new IllegalArgumentException("significance must be between 0 and 1");
    }
    ImpactCriteria d = ImpactCriteria.defaults();
    return new ImpactCriteria(significance, d.floorMs(), d.relativeFloor(), d.stallMultiple(), d.stallShare(), d.minSamples());
  }

  /**
   * Runs given in release order, oldest first: each compared with the one before it, and
   * Gatling's statistics of each read from its {@code simulation.log}.
   */
  public Trend trend(List<Path> dirs) {
    if (dirs.size() < 2) {
      throw new IllegalArgumentException("a trend needs two runs or more");
    }
    List<Comparison> steps = new ArrayList<>();
    for (int i = 0; i + 1 < dirs.size(); i++) {
      steps.add(compare(dirs.get(i), dirs.get(i + 1)));
    }
    List<Comparison.Run> runs = new ArrayList<>();
    runs.add(steps.get(0).a());
    steps.forEach(s -> runs.add(s.b()));
    List<Trend.GatlingSide> gatling = new ArrayList<>();
    for (Comparison.Run run : runs) {
      gatling.add(gatling(run.dir()));
    }
    return new Trend(runs, steps, gatling);
  }

  private static Trend.GatlingSide gatling(Path runFolder) {
    try {
      return GatlingStatistics.ofRunFolder(runFolder).map(g -> new Trend.GatlingSide(g, null))
          .orElseGet(() -> new Trend.GatlingSide(null, "no gatling/*/simulation.log in " + runFolder));
    } catch (VigilException e) {
      // one unreadable log does not hide the other runs' figures
      return new Trend.GatlingSide(null, e.getMessage());
    }
  }

  public Comparison compare(Path dirA, Path dirB) {
    RunFolderReader.Result a = RunFolderReader.result(dirA);
    RunFolderReader.Result b = RunFolderReader.result(dirB);
    String scope = hasDuring(a.window()) && hasDuring(b.window()) ? "during" : LatencyByKind.WINDOW;
    LatencyByKind latA = LatencyByKind.read(a.folder(), a.window().phases());
    LatencyByKind latB = LatencyByKind.read(b.folder(), b.window().phases());

    TreeSet<String> services = new TreeSet<>(a.window().services().keySet());
    services.addAll(b.window().services().keySet());
    services.addAll(a.verdicts().keySet());
    services.addAll(b.verdicts().keySet());
    List<Comparison.ServiceRow> rows = new ArrayList<>();
    for (String service : services) {
      Map<String, long[]> ka = latA.of(scope, service);
      Map<String, long[]> kb = latB.of(scope, service);
      LatencyHistogram ha = histogram(ka);
      LatencyHistogram hb = histogram(kb);
      Comparison.LatencyChange change = null;
      if (ha.count() > 0 && hb.count() > 0) {
        change = change(ImpactTest.judgeAll(ka, kb, criteria), ImpactTest.judgeAll(kb, ka, criteria), hb.percentile(50) - ha.percentile(50));
      }
      rows.add(new Comparison.ServiceRow(service, figures(a, service, ha), figures(b, service, hb), change));
    }
    return new Comparison(run(a), run(b), scope, criteria.significance(), rows);
  }

  /**
   * @param slowerInB each kind of B against A
   * @param slowerInA each kind of A against B
   */
  private static Comparison.LatencyChange change(List<Slowdown> slowerInB, List<Slowdown> slowerInA, long medianDeltaMs) {
    List<Slowdown> worse = slowerInB.stream().filter(Slowdown::slower).toList();
    List<Slowdown> better = slowerInA.stream().filter(Slowdown::slower).toList();
    boolean judged = slowerInB.stream().anyMatch(k -> k.outcome() != Slowdown.Outcome.TOO_FEW);
    String direction = !worse.isEmpty() ? "slower" : !better.isEmpty() ? "faster" : judged ? "same" : Comparison.LatencyChange.TOO_FEW;
    // the p-value quoted: the deciding kind's, else the smallest of B's one-sided tests (the closest call)
    List<Slowdown> quoted = !worse.isEmpty() ? worse : !better.isEmpty() ? better : slowerInB;
    double p = quoted.stream().filter(k -> k.outcome() != Slowdown.Outcome.TOO_FEW)
        .mapToDouble(k -> k.outcome() == Slowdown.Outcome.STALLS ? k.stallP() : k.pValue()).min().orElse(Double.NaN);
    return new Comparison.LatencyChange(p, medianDeltaMs, direction, slowerInB);
  }

  private static LatencyHistogram histogram(Map<String, long[]> byKind) {
    LatencyHistogram h = new LatencyHistogram();
    byKind.values().forEach(values -> {
      for (long v : values) {
        h.record(v);
      }
    });
    return h;
  }

  private static boolean hasDuring(WindowResult w) {
    return w.phases().stream().anyMatch(p -> p.name().equals("during"));
  }

  private static Comparison.Run run(RunFolderReader.Result r) {
    return new Comparison.Run(r.folder(), r.window().runId(), r.window().cloud(), r.run() != null, r.window().window().seconds());
  }

  private static Comparison.Figures figures(RunFolderReader.Result r, String service, LatencyHistogram lat) {
    WindowResult.ServiceResult s = r.window().services().get(service);
    var verdict = r.verdicts().get(service);
    if (s == null && verdict == null) {
      return null;
    }
    WindowResult.PhaseResult during = s == null ? null : s.phases().get("during");
    boolean hasDuring = hasDuring(r.window());
    long n = lat.count();
    return new Comparison.Figures(s == null ? 0 : s.downtimeSeconds(),
        hasDuring ? (Double) (during == null ? 0.0 : during.downtimeSeconds()) : null,
        s == null ? 0 : s.requests(), s == null ? 0 : s.failures(), n,
        n == 0 ? null : lat.percentile(50), n == 0 ? null : lat.percentile(95),
        verdict == null ? null : verdict.verdict());
  }
}
