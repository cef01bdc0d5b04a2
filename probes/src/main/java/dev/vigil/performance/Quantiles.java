package dev.vigil.performance;

/**
 * Percentiles of a sorted sample by linear interpolation between closest ranks (R's type 7, numpy's
 * default), so a figure quoted in a reason can be checked with {@code numpy.percentile}.
 */
final class Quantiles {

  private Quantiles() {}

  /**
   * @param sorted ascending, not empty
   * @param percent 0 to 100
   */
  static double of(long[] sorted, double percent) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double h = (sorted.length - 1) * percent / 100.0;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
