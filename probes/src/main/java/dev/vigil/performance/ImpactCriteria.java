package dev.vigil.performance;

/**
 * When a kind of request counts as slower than in the baseline (settings {@code thresholds:}). A
 * difference must be both real (the test's p-value below {@code significance}) and large enough to
 * matter (beyond both floors): on a 4 ms request a 1 ms rise is real with enough samples, and no
 * user perceives it.
 *
 * @param significance one-sided p-value under which a difference counts as real [0.01]
 * @param floorMs the median must rise by more than this many milliseconds [20]
 * @param relativeFloor and by more than this fraction of the baseline median [0.20]
 * @param stallMultiple a request slower than this multiple of the baseline's p99 (and than that
 *     p99 plus {@code floorMs}) is a stall [3]
 * @param stallShare stalls must be more than this fraction of the requests [0.01], and more
 *     frequent than in the baseline by Fisher's exact test at {@code significance}
 * @param minSamples fewer requests than this in either phase: not judged [5]
 */
public record ImpactCriteria(double significance, double floorMs, double relativeFloor, double stallMultiple, double stallShare, int minSamples) {

  public static final int DEFAULT_MIN_SAMPLES = 5;

  public ImpactCriteria {
    if (!(significance > 0 && significance < 1)) {
      throw new IllegalArgumentException("significance must be between 0 and 1, not " + significance);
    }
    if (floorMs < 0 || relativeFloor < 0 || stallShare < 0 || !(stallMultiple >= 1) || minSamples < 1) {
      throw new IllegalArgumentException("floors and the stall share cannot be negative, the stall multiple must be at least 1");
    }
  }

  public static ImpactCriteria defaults() {
    return new ImpactCriteria(0.01, 20, 0.20, 3, 0.01, DEFAULT_MIN_SAMPLES);
  }
}
