package dev.vigil.performance;

/**
 * The one-sided Mann–Whitney U test "X tends to be slower than the baseline Y": the p-value is
 * P(U ≥ U_X) under the hypothesis that both come from one distribution. A one-sided test, because
 * an upgrade that makes requests faster is no impact, and a two-sided test spends half its
 * significance on that direction.
 *
 * <p>Like {@code scipy.stats.mannwhitneyu(x, y, alternative="greater")} with its default method:
 * the exact distribution of U when a sample has at most 8 values and no value is tied (the normal
 * approximation is poor there), else the normal approximation with tie and continuity corrections.
 */
final class OneSidedMannWhitney {

  /** scipy's threshold for the exact method; above it the normal approximation is within 0.01 of exact. */
  static final int EXACT_MAX = 8;

  /**
   * @param u U of X: pairs (x, y) with x &gt; y, ties counting one half
   * @param pValue one-sided, "X slower"; 1 when a sample is empty
   * @param exact whether the exact distribution was used
   */
  record Result(double u, double pValue, boolean exact) {}

  private OneSidedMannWhitney() {}

  static Result greater(long[] x, long[] y) {
    int n1 = x.length;
    int n2 = y.length;
    if (n1 == 0 || n2 == 0) {
      return new Result(0, 1, false);
    }
    Significance.RankSum ranks = Significance.rankSum(x, y);
    if (Math.min(n1, n2) <= EXACT_MAX && ranks.tieTerm() == 0) {
      return new Result(ranks.u1(), exactUpperTail(n1, n2, (int) Math.round(ranks.u1())), true);
    }
    int n = n1 + n2;
    double variance = n1 * (double) n2 / 12.0 * ((n + 1) - ranks.tieTerm() / ((double) n * (n - 1)));
    if (variance <= 0) {
      return new Result(ranks.u1(), 1, false); // every value tied: no evidence either way
    }
    double z = (ranks.u1() - n1 * (double) n2 / 2.0 - 0.5) / Math.sqrt(variance);
    return new Result(ranks.u1(), Math.min(1.0, Significance.normalUpperTail(z)), false);
  }

  /**
   * P(U ≥ u) for samples of n1 and n2 distinct values. The number of orderings giving each U is
   * the coefficient of the Gaussian binomial [n1+n2 choose m]_q with m = min(n1, n2), built as the
   * product over i of (1 − q^(n+i)) / (1 − q^i); each partial product is itself a Gaussian
   * binomial, so its coefficients stay positive and doubles lose little.
   */
  static double exactUpperTail(int n1, int n2, int u) {
    int m = Math.min(n1, n2);
    int n = Math.max(n1, n2);
    int max = m * n;
    double[] c = new double[max + 1];
    c[0] = 1;
    for (int i = 1; i <= m; i++) {
      int up = n + i;
      for (int k = max; k >= up; k--) {
        c[k] -= c[k - up];
      }
      for (int k = i; k <= max; k++) {
        c[k] += c[k - i];
      }
    }
    double total = 0;
    double tail = 0;
    for (int k = 0; k <= max; k++) {
      total += c[k];
      if (k >= u) {
        tail += c[k];
      }
    }
    return Math.min(1.0, tail / total);
  }
}
