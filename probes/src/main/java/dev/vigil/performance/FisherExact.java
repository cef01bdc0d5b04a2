package dev.vigil.performance;

/**
 * Fisher's exact test, one-sided: whether the first group holds more of some event than the second
 * could by chance. Used for the stall rule (requests beyond a multiple of the baseline's p99), where
 * the counts are small and a normal approximation would not hold.
 */
final class FisherExact {

  private FisherExact() {}

  /**
   * P(A ≥ a) for the hypergeometric A with the margins of the table [[a, b], [c, d]], as
   * {@code scipy.stats.fisher_exact([[a, b], [c, d]], alternative="greater")}.
   *
   * @param a events in the first group
   * @param b non-events in the first group
   * @param c events in the second group
   * @param d non-events in the second group
   */
  static double greater(int a, int b, int c, int d) {
    int row = a + b;
    int events = a + c;
    int n = a + b + c + d;
    double[] logFactorial = logFactorials(n);
    int hi = Math.min(row, events);
    // Probabilities relative to the observed table's, so that a tiny p does not underflow before the sum.
    double observed = logP(a, row, events, n, logFactorial);
    double sum = 0;
    for (int k = a; k <= hi; k++) {
      sum += Math.exp(logP(k, row, events, n, logFactorial) - observed);
    }
    return Math.min(1.0, sum * Math.exp(observed));
  }

  private static double logP(int k, int row, int events, int n, double[] lf) {
    return lf[row] - lf[k] - lf[row - k] + lf[n - row] - lf[events - k] - lf[n - row - events + k] - (lf[n] - lf[events] - lf[n - events]);
  }

  private static double[] logFactorials(int n) {
    double[] lf = new double[n + 1];
    for (int i = 2; i <= n; i++) {
      lf[i] = lf[i - 1] + Math.log(i);
    }
    return lf;
  }
}
