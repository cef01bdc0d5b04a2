package dev.vigil.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  private static final double[] PERCENTILES = {0.1, 1, 25, 50, 90, 95, 99, 99.9, 100};

  @Test
  void percentilesMatchASortedArrayOnRandomData() {
    SplittableRandom random = new SplittableRandom(42);
    for (int round = 0; round < 20; round++) {
      int n = 1 + random.nextInt(20_000);
      long[] values = new long[n];
      LatencyHistogram h = new LatencyHistogram();
      for (int i = 0; i < n; i++) {
        // Mostly fast, a long tail, some beyond one page, some near the 60 s edge.
        long v = switch (random.nextInt(10)) {
          case 0 -> random.nextLong(60_000);
          case 1 -> 59_990 + random.nextLong(10);
          default -> (long) Math.abs(random.nextGaussian() * 40 + 30);
        };
        values[i] = v;
        h.record(v);
      }
      long[] sorted = values.clone();
      Arrays.sort(sorted);
      for (double p : PERCENTILES) {
        assertThat(h.percentile(p)).as("p%s of %d values", p, n).isEqualTo(nearestRank(sorted, p));
      }
      assertThat(h.count()).isEqualTo(n);
      assertThat(h.max()).isEqualTo(sorted[n - 1]);
      assertThat(h.min()).isEqualTo(sorted[0]);
      assertThat(h.mean()).isEqualTo(Arrays.stream(values).sum() / (double) n);
    }
  }

  @Test
  void mergeIsTheSameAsRecordingEverythingInOne() {
    SplittableRandom random = new SplittableRandom(7);
    LatencyHistogram a = new LatencyHistogram();
    LatencyHistogram b = new LatencyHistogram();
    LatencyHistogram both = new LatencyHistogram();
    for (int i = 0; i < 10_000; i++) {
      long v = random.nextLong(5_000);
      (i % 3 == 0 ? a : b).record(v);
      both.record(v);
    }
    b.record(90_000);
    both.record(90_000);
    a.merge(b);
    for (double p : PERCENTILES) {
      assertThat(a.percentile(p)).isEqualTo(both.percentile(p));
    }
    assertThat(a.count()).isEqualTo(both.count());
    assertThat(a.max()).isEqualTo(90_000);
  }

  @Test
  void beyondSixtySecondsIsTheTopOfItsSecondAndNeverAboveMax() {
    LatencyHistogram h = new LatencyHistogram();
    h.record(61_500);
    h.record(61_200);
    assertThat(h.percentile(50)).isEqualTo(61_500);
    h.record(62_700);
    assertThat(h.percentile(50)).isEqualTo(61_999);
    h.record(5_000_000);
    assertThat(h.percentile(100)).isEqualTo(5_000_000);
    assertThat(h.max()).isEqualTo(5_000_000);
  }

  @Test
  void emptyAndBadInput() {
    LatencyHistogram h = new LatencyHistogram();
    assertThat(h.percentile(99)).isEqualTo(-1);
    assertThat(h.max()).isEqualTo(-1);
    assertThat(h.mean()).isZero();
    h.record(-5);
    assertThat(h.max()).isZero();
    assertThatThrownBy(() -> h.percentile(0)).hasMessageContaining("(0, 100]");
  }

  private static long nearestRank(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length - 1e-9);
    return sorted[Math.max(rank, 1) - 1];
  }
}
