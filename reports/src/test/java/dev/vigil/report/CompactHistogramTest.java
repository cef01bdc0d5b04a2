package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompactHistogramTest {

  @Test
  void exactBelow64MsAndNeverMoreThanAboutThreePercentAboveBeyond() {
    SplittableRandom random = new SplittableRandom(3);
    for (int round = 0; round < 20; round++) {
      CompactHistogram h = new CompactHistogram();
      long[] values = new long[2_000];
      for (int i = 0; i < values.length; i++) {
        // Log-normal-ish: 1 ms to about 60 s.
        values[i] = (long) Math.exp(random.nextDouble() * 11);
        h.record(values[i]);
      }
      Arrays.sort(values);
      for (double p : new double[] {1, 50, 90, 95, 99, 100}) {
        long exact = values[(int) Math.ceil(p * values.length / 100.0) - 1];
        long got = h.percentile(p);
        assertThat(got).as("p%s", p).isGreaterThanOrEqualTo(exact);
        if (exact < 64) {
          assertThat(got).as("p%s", p).isEqualTo(exact);
        } else {
          assertThat((double) got).as("p%s of %s", p, exact).isLessThanOrEqualTo(exact * 1.032);
        }
      }
    }
  }

  @Test
  void bucketsTileTheNumbersWithoutGapsOrOverlaps() {
    long previousUpper = -1;
    for (int i = 0; i < 64 + 34 * 32 - 1; i++) {
      long upper = CompactHistogram.upper(i);
      assertThat(CompactHistogram.index(previousUpper + 1)).isEqualTo(i);
      assertThat(CompactHistogram.index(upper)).isEqualTo(i);
      previousUpper = upper;
    }
  }

  @Test
  void emptyIsMinusOneAndTheMaxCapsTheTopBucket() {
    CompactHistogram h = new CompactHistogram();
    assertThat(h.percentile(50)).isEqualTo(-1);
    h.record(1000);
    assertThat(h.percentile(50)).isEqualTo(1000);
  }
}
