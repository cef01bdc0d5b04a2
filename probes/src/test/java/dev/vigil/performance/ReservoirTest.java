package dev.vigil.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReservoirTest {

  @Test
  void keepsEverythingUntilFullThenABoundedSample() {
    Reservoir r = new Reservoir(100, 1);
    for (int i = 0; i < 50; i++) {
      r.add(i);
    }
    assertThat(r.values()).hasSize(50).containsExactlyInAnyOrder(java.util.stream.LongStream.range(0, 50).toArray());
    for (int i = 50; i < 1_000_000; i++) {
      r.add(i);
    }
    assertThat(r.values()).hasSize(100);
    assertThat(r.seen()).isEqualTo(1_000_000);
  }

  @Test
  void sampleIsUniformAndRepeatable() {
    Reservoir a = new Reservoir(10_000, 99);
    Reservoir b = new Reservoir(10_000, 99);
    for (int i = 0; i < 200_000; i++) {
      a.add(i);
      b.add(i);
    }
    assertThat(a.values()).isEqualTo(b.values());
    // A uniform sample of 0..199,999 has a mean near 100,000 (sd of the mean about 580).
    double mean = Arrays.stream(a.values()).average().orElseThrow();
    assertThat(mean).isBetween(97_000.0, 103_000.0);
    // And about a quarter of it from each quarter of the stream.
    long firstQuarter = Arrays.stream(a.values()).filter(v -> v < 50_000).count();
    assertThat(firstQuarter).isBetween(2_300L, 2_700L);
  }
}
