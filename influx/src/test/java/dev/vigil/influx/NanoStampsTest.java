package dev.vigil.influx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NanoStampsTest {

  @Test
  void rowsOfOneSeriesEndingInTheSameMillisecondGetConsecutiveNanoseconds() {
    NanoStamps s = new NanoStamps();
    assertThat(s.stamp("a", 1000)).isEqualTo(1_000_000_000L);
    assertThat(s.stamp("a", 1000)).isEqualTo(1_000_000_001L);
    assertThat(s.stamp("b", 1000)).as("another series counts on its own").isEqualTo(1_000_000_000L);
    assertThat(s.stamp("a", 1001)).isEqualTo(1_001_000_000L);
    assertThat(s.stamp("a", 1000)).as("a late row of an earlier ms still counts there").isEqualTo(1_000_000_002L);
  }

  @Test
  void theSameRowsGiveTheSameStamps() {
    long[] first = new long[1000];
    long[] second = new long[1000];
    NanoStamps a = new NanoStamps();
    NanoStamps b = new NanoStamps();
    for (int i = 0; i < 1000; i++) {
      first[i] = a.stamp("s" + (i % 3), 5000 + i / 7);
      second[i] = b.stamp("s" + (i % 3), 5000 + i / 7);
    }
    assertThat(second).isEqualTo(first);
    for (int series = 0; series < 3; series++) {
      java.util.List<Long> ofSeries = new java.util.ArrayList<>();
      for (int i = series; i < 1000; i += 3) {
        ofSeries.add(first[i]);
      }
      assertThat(ofSeries).as("series s" + series).doesNotHaveDuplicates();
    }
  }

  @Test
  void forgetsMillisecondsLongPastSoMemoryStaysFlat() {
    NanoStamps s = new NanoStamps();
    s.stamp("a", 0);
    for (int i = 0; i < 60_000; i++) {
      s.stamp("b", NanoStamps.KEEP_MS * 2 + i);
    }
    assertThat(s.stamp("a", 0)).as("pruned: counted afresh").isEqualTo(0L);
  }
}
