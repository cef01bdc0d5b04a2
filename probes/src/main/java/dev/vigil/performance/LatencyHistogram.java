package dev.vigil.performance;

/**
 * Latency distribution in flat memory: exact to the millisecond up to 60 s, to the second up to one
 * hour, and one bucket beyond. Count, sum, min and max are exact at any size.
 *
 * <p>The 1 ms buckets are allocated in pages of 1,000 on first use, so a service answering in
 * under a second costs one 8 KB page however many requests it gets. Percentiles use the
 * nearest-rank definition: the smallest recorded value with at least {@code p}% of the values at
 * or below it. Not thread-safe: one histogram per writer (the analyzer is single-threaded), merged
 * with {@link #merge}.
 */
public final class LatencyHistogram {

  public static final long EXACT_LIMIT_MS = 60_000;
  public static final long COARSE_LIMIT_MS = 3_600_000;
  private static final int PAGE = 1_000;
  private static final int COARSE_STEP_MS = 1_000;

  private final long[][] pages = new long[(int) (EXACT_LIMIT_MS / PAGE)][];
  private long[] coarse;
  private long beyond;
  private long count;
  private long sum;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;

  /** Adds one latency; negative values (a clock stepping back) count as 0. */
  public void record(long latencyMs) {
    long v = Math.max(0, latencyMs);
    if (v < EXACT_LIMIT_MS) {
      int page = (int) (v / PAGE);
      long[] p = pages[page];
      if (p == null) {
        p = pages[page] = new long[PAGE];
      }
      p[(int) (v % PAGE)]++;
    } else if (v < COARSE_LIMIT_MS) {
      coarse()[(int) ((v - EXACT_LIMIT_MS) / COARSE_STEP_MS)]++;
    } else {
      beyond++;
    }
    count++;
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }

  /** Adds all of {@code other}'s values to this one. */
  public void merge(LatencyHistogram other) {
    for (int i = 0; i < pages.length; i++) {
      long[] src = other.pages[i];
      if (src == null) {
        continue;
      }
      long[] dst = pages[i] == null ? (pages[i] = new long[PAGE]) : pages[i];
      for (int j = 0; j < PAGE; j++) {
        dst[j] += src[j];
      }
    }
    if (other.coarse != null) {
      long[] dst = coarse();
      for (int j = 0; j < dst.length; j++) {
        dst[j] += other.coarse[j];
      }
    }
    beyond += other.beyond;
    count += other.count;
    sum += other.sum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  public long count() {
    return count;
  }

  /** Exact mean, 0 when empty. */
  public double mean() {
    return count == 0 ? 0 : (double) sum / count;
  }

  /** Largest value, -1 when empty. */
  public long max() {
    return count == 0 ? -1 : max;
  }

  /** Smallest value, -1 when empty. */
  public long min() {
    return count == 0 ? -1 : min;
  }

  /**
   * The nearest-rank percentile, exact below 60 s; above, the top of its 1 s bucket (never more
   * than the max), so it never under-states. -1 when empty.
   *
   * @param p in (0, 100]
   */
  public long percentile(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100]");
    }
    if (count == 0) {
      return -1;
    }
    // The epsilon keeps e.g. 99.9 % of 1000 at rank 999 despite floating-point error.
    long rank = Math.max(1, (long) Math.ceil(p * count / 100.0 - 1e-9));
    long seen = 0;
    for (int i = 0; i < pages.length; i++) {
      long[] page = pages[i];
      if (page == null) {
        continue;
      }
      for (int j = 0; j < PAGE; j++) {
        seen += page[j];
        if (seen >= rank) {
          return (long) i * PAGE + j;
        }
      }
    }
    if (coarse != null) {
      for (int j = 0; j < coarse.length; j++) {
        seen += coarse[j];
        if (seen >= rank) {
          return Math.min(max, EXACT_LIMIT_MS + (long) (j + 1) * COARSE_STEP_MS - 1);
        }
      }
    }
    return max;
  }

  private long[] coarse() {
    if (coarse == null) {
      coarse = new long[(int) ((COARSE_LIMIT_MS - EXACT_LIMIT_MS) / COARSE_STEP_MS)];
    }
    return coarse;
  }
}
