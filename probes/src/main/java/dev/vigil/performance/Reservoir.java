package dev.vigil.performance;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A uniform random sample of at most {@code capacity} values from a stream of any length
 * (Vitter's algorithm R), kept for tests that need raw values, such as {@link Significance}. Seeded,
 * so the same records give the same sample and the same p-value.
 */
public final class Reservoir {

  public static final int DEFAULT_CAPACITY = 10_000;

  private final int capacity;
  private final SplittableRandom random;
  private long[] values = new long[16];
  private int size;
  private long seen;

  public Reservoir(int capacity, long seed) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be greater than 0");
    }
    this.capacity = capacity;
    this.random = new SplittableRandom(seed);
  }

  public void add(long value) {
    seen++;
    if (size < capacity) {
      if (size == values.length) {
        values = Arrays.copyOf(values, Math.min(capacity, size * 2));
      }
      values[size++] = value;
      return;
    }
    long j = random.nextLong(seen);
    if (j < capacity) {
      values[(int) j] = value;
    }
  }

  /** How many values were offered in total. */
  public long seen() {
    return seen;
  }

  /** A copy of the sample, in no particular order. */
  public long[] values() {
    return Arrays.copyOf(values, size);
  }
}
