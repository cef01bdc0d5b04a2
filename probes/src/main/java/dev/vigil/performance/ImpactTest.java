package dev.vigil.performance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The zero-impact test for one kind of request: is it slower in a phase (or run) than in the
 * baseline? Slower means either a shift (the one-sided Mann–Whitney test is significant and the
 * median rose beyond both floors) or intermittent stalls (the share of requests beyond a multiple
 * of the baseline's p99 exceeds the stall share, and Fisher's exact test says they are more frequent
 * than in the baseline). Kinds are tested apart, so a change in the mix of requests cannot read as
 * a change in latency.
 */
public final class ImpactTest {

  private ImpactTest() {}

  /**
   * @param baselineMs latencies of the kind in the baseline (successful requests)
   * @param otherMs latencies of the same kind in the compared phase or run
   */
  public static Slowdown judge(String kind, long[] baselineMs, long[] otherMs, ImpactCriteria c) {
    long[] base = sorted(baselineMs);
    long[] other = sorted(otherMs);
    Slowdown.Figures fb = figures(base);
    Slowdown.Figures fo = figures(other);
    if (base.length < c.minSamples() || other.length < c.minSamples()) {
      return new Slowdown(kind, fb, fo, Double.NaN, false, Double.NaN, Double.NaN, 0, 0, Double.NaN, Slowdown.Outcome.TOO_FEW, c);
    }
    OneSidedMannWhitney.Result shift = OneSidedMannWhitney.greater(other, base);
    double rise = fo.median() - fb.median();
    boolean beyondFloors = rise > c.floorMs() && rise > c.relativeFloor() * fb.median();
    double bar = Math.max(c.stallMultiple() * fb.p99(), fb.p99() + c.floorMs());
    int stallsBase = above(base, bar);
    int stallsOther = above(other, bar);
    double stallP = FisherExact.greater(stallsOther, other.length - stallsOther, stallsBase, base.length - stallsBase);
    boolean stalls = stallsOther > c.stallShare() * other.length && stallP < c.significance();
    Slowdown.Outcome outcome = shift.pValue() < c.significance() && beyondFloors ? Slowdown.Outcome.SLOWER
        : stalls ? Slowdown.Outcome.STALLS : Slowdown.Outcome.NOT_SLOWER;
    return new Slowdown(kind, fb, fo, shift.pValue(), shift.exact(), rise, bar, stallsBase, stallsOther, stallP, outcome, c);
  }

  /**
   * Every kind of request in {@code other}, each against the same kind in the baseline (a kind the
   * baseline never saw is {@link Slowdown.Outcome#TOO_FEW}), in the maps' order.
   */
  public static List<Slowdown> judgeAll(Map<String, long[]> baselineMs, Map<String, long[]> otherMs, ImpactCriteria c) {
    List<Slowdown> out = new ArrayList<>();
    otherMs.forEach((kind, other) -> out.add(judge(kind, baselineMs.getOrDefault(kind, new long[0]), other, c)));
    return out;
  }

  private static long[] sorted(long[] values) {
    long[] s = values.clone();
    Arrays.sort(s);
    return s;
  }

  private static Slowdown.Figures figures(long[] sorted) {
    if (sorted.length == 0) {
      return new Slowdown.Figures(0, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Slowdown.Figures(sorted.length, Quantiles.of(sorted, 50), Quantiles.of(sorted, 95), Quantiles.of(sorted, 99));
  }

  /** How many sorted values are strictly above {@code bar}. */
  private static int above(long[] sorted, double bar) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= bar) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return sorted.length - lo;
  }
}
