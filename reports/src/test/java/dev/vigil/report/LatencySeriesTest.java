package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.Traffic;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySeriesTest {

  private static RequestRecord ok(long start, long latency) {
    return new RequestRecord(start, start + latency, "identity", "probe", "GET", Traffic.PROBE, Connection.NEW, 200, ErrorKind.NONE, true, null);
  }

  private static RequestRecord refused(long start) {
    return new RequestRecord(start, start + 1, "identity", "probe", "GET", Traffic.PROBE, Connection.NEW, 0, ErrorKind.CONNECT, false, null);
  }

  @Test
  void columnsAreRoundAndAtMost240() {
    assertThat(LatencySeries.stepFor(60_000)).isEqualTo(1_000);
    assertThat(LatencySeries.stepFor(240_000)).isEqualTo(1_000);
    assertThat(LatencySeries.stepFor(241_000)).isEqualTo(2_000);
    assertThat(LatencySeries.stepFor(3_600_000)).isEqualTo(15_000);
    assertThat(LatencySeries.stepFor(86_400_000)).isEqualTo(600_000);
    assertThat(LatencySeries.stepFor(30L * 86_400_000)).isEqualTo(21_600_000);
    assertThat(LatencySeries.stepFor(365L * 86_400_000)).isEqualTo(2 * 86_400_000L);
    for (long d : new long[] {1, 59_999, 1_000_000, 7_000_000, 100_000_000, 3_000_000_000L}) {
      assertThat(d / LatencySeries.stepFor(d)).as("columns for %s ms", d).isLessThanOrEqualTo(LatencySeries.MAX_COLUMNS);
    }
  }

  @Test
  void failedRequestsCountButStayOutOfTheLatency() {
    LatencySeries s = new LatencySeries(0, 10_000);
    for (int i = 0; i < 10; i++) {
      s.add(ok(i * 100, 40));
      s.add(refused(1_000 + i * 100));
    }
    s.add(ok(1_500, 400));
    List<LatencySeries.Column> c = s.columns().get("identity");
    assertThat(c).hasSize(10);
    assertThat(c.get(0)).isEqualTo(new LatencySeries.Column(0, 10, 0, 40, 40));
    assertThat(c.get(1)).isEqualTo(new LatencySeries.Column(1_000, 11, 10, 400, 400));
    assertThat(c.get(2)).isEqualTo(new LatencySeries.Column(2_000, 0, 0, -1, -1));
  }

  @Test
  void requestsOutsideTheWindowGoToItsEdgesAndMemoryDoesNotGrowWithRecords() {
    LatencySeries s = new LatencySeries(1_000_000, 1_000_000 + 86_400_000);
    s.add(ok(0, 5));
    s.add(ok(1_000_000 + 90_000_000, 7));
    // Two million records over a day still make 144 columns of ten minutes.
    for (long i = 0; i < 2_000_000; i++) {
      s.add(ok(1_000_000 + i * 43, 10 + i % 90));
    }
    List<LatencySeries.Column> c = s.columns().get("identity");
    assertThat(c).hasSize(144);
    assertThat(c.get(0).requests()).isEqualTo(600_000 / 43 + 1 + 1);
    assertThat(c.get(143).requests()).isGreaterThan(1);
    assertThat(c.get(0).p50()).isBetween(50L, 56L);
  }
}
