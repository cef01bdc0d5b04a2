package dev.vigil.report;

/**
 * A latency histogram small enough to keep one per service and chart column (a few KB, allocated
 * on first use): exact below 64 ms, then 32 buckets per power of two, so a percentile is at most
 * about 3 % above the true value. A chart needs no more; {@code result.json}'s exact figures come
 * from {@link dev.vigil.performance.LatencyHistogram}, which costs 8 KB per second of latency range
 * and would take hundreds of MB for a long window of slow answers cut into columns.
 */
final class CompactHistogram {

  private static final int EXACT = 64;
  private static final int SUB_BITS = 5;
  private static final int SUB = 1 << SUB_BITS;
  /** Values up to 2^40 ms (35 years): far beyond any latency. */
  private static final int BUCKETS = EXACT + (40 - 6) * SUB;

  private int[] counts;
  private long count;
  private long max = -1;

  void record(long latencyMs) {
    long v = Math.max(0, latencyMs);
    if (counts == null) {
      counts = new int[BUCKETS];
    }
    counts[index(v)]++;
    count++;
    max = Math.max(max, v);
  }

  long count() {
    return count;
  }

  /** Nearest-rank percentile: the top of the bucket holding that rank, never above the max; -1 when empty. */
  long percentile(double p) {
    if (count == 0) {
      return -1;
    }
    long rank = Math.max(1, (long) Math.ceil(p * count / 100.0 - 1e-9));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(max, upper(i));
      }
    }
    return max;
  }

  static int index(long v) {
    if (v < EXACT) {
      return (int) v;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(v);
    int sub = (int) ((v >>> (exponent - SUB_BITS)) & (SUB - 1));
    return Math.min(BUCKETS - 1, EXACT + (exponent - 6) * SUB + sub);
  }

  /** The largest value that falls into bucket {@code i}. */
  static long upper(int i) {
    if (i < EXACT) {
      return i;
    }
    int exponent = (i - EXACT) / SUB + 6;
    int sub = (i - EXACT) % SUB;
    long base = 1L << exponent;
    long width = base >>> SUB_BITS;
    return base + (sub + 1) * width - 1;
  }
}
