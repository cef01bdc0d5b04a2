package dev.vigil.performance;

import java.util.Arrays;

/**
 * Whether two latency samples differ: the Mann–Whitney U test, which assumes no distribution
 * (latencies are far from normal) and only compares ranks.
 */
public final class Significance {

  private Significance() {}

  /**
   * @param u U of the first sample: how many (x, y) pairs have x &gt; y, ties counting one half
   * @param z the normal approximation's z score (with continuity correction), 0 when undefined
   * @param pValue two-sided p-value; 1 when a sample is empty or every value is tied
   */
  public record MannWhitney(double u, double z, double pValue, int n1, int n2) {}

  /**
   * Two-sided Mann–Whitney U test with the normal approximation, tie correction and continuity
   * correction (as {@code scipy.stats.mannwhitneyu(x, y, method="asymptotic")}). Sound for samples
   * of about 20 or more each; O((n1 + n2) log(n1 + n2)).
   */
  public static MannWhitney mannWhitneyU(long[] x, long[] y) {
    int n1 = x.length;
    int n2 = y.length;
    if (n1 == 0 || n2 == 0) {
      return new MannWhitney(0, 0, 1, n1, n2);
    }
    int n = n1 + n2;
    RankSum ranks = rankSum(x, y);
    double tieTerm = ranks.tieTerm();
    double u1 = ranks.u1();
    double u2 = (double) n1 * n2 - u1;
    double mean = n1 * (double) n2 / 2.0;
    double variance = n1 * (double) n2 / 12.0 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
    if (variance <= 0) {
      return new MannWhitney(u1, 0, 1, n1, n2);
    }
    double z = (Math.max(u1, u2) - mean - 0.5) / Math.sqrt(variance);
    double p = Math.min(1.0, 2 * normalUpperTail(z));
    return new MannWhitney(u1, z, p, n1, n2);
  }

  /**
   * @param u1 U of the first sample: pairs (x, y) with x &gt; y, ties counting one half
   * @param tieTerm the sum of t³ − t over the groups of t tied values (0 without ties)
   */
  record RankSum(double u1, double tieTerm) {}

  /** Ranks both samples together by walking their sorted copies; tied values share their mid-rank. */
  static RankSum rankSum(long[] x, long[] y) {
    int n1 = x.length;
    int n2 = y.length;
    long[] a = x.clone();
    long[] b = y.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    double rankSumX = 0;
    double tieTerm = 0;
    int i = 0;
    int j = 0;
    long ranked = 0;
    while (i < n1 || j < n2) {
      long v = j == n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
      int inX = 0;
      while (i < n1 && a[i] == v) {
        i++;
        inX++;
      }
      int inY = 0;
      while (j < n2 && b[j] == v) {
        j++;
        inY++;
      }
      double t = inX + inY;
      rankSumX += inX * (ranked + (t + 1) / 2.0);
      tieTerm += t * t * t - t;
      ranked += inX + inY;
    }
    return new RankSum(rankSumX - n1 * (n1 + 1) / 2.0, tieTerm);
  }

  /** P(Z &gt; z) for a standard normal Z. */
  static double normalUpperTail(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }

  /**
   * Complementary error function, Chebyshev fit (Numerical Recipes {@code erfcc}): fractional
   * error below 1.2e-7 everywhere, plenty for a p-value.
   */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }
}
