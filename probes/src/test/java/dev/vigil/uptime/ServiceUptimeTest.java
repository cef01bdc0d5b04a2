package dev.vigil.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.Traffic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both connection kinds of a service: NEW probes at 0, 100, ...; REUSED at 50, 150, .... */
class ServiceUptimeTest {

  private static RequestRecord probe(long start, Connection c, int status) {
    return probe(start, c, status, Traffic.PROBE);
  }

  private static RequestRecord probe(long start, Connection c, int status, Traffic traffic) {
    ErrorKind error = status == 0 ? ErrorKind.CONNECT : ErrorKind.ofStatus(status, true);
    return new RequestRecord(start, start + 4, "identity", "validate-token", "GET", traffic, c, status, error,
        error == ErrorKind.NONE, null);
  }

  private static ServiceUptime.Report run(List<Long> newDown, List<Long> reusedDown, int failStatus) {
    ServiceUptime u = new ServiceUptime();
    for (long s = 0; s <= 2_000; s += 100) {
      u.add(probe(s, Connection.NEW, newDown.contains(s) ? failStatus : 200));
      u.add(probe(s + 50, Connection.REUSED, reusedDown.contains(s + 50) ? failStatus : 200));
    }
    return u.finish(0, 2_100);
  }

  @Test
  void overlappingOutagesOfBothKindsUnite() {
    ServiceUptime.Report r = run(List.of(300L, 400L), List.of(350L, 450L), 503);
    assertThat(r.of(Connection.NEW).outages()).containsExactly(new Outage(304, 500, false, 104, 100));
    assertThat(r.of(Connection.REUSED).outages()).containsExactly(new Outage(354, 550, false, 104, 100));
    assertThat(r.all().outages()).containsExactly(new Outage(304, 550, false, 104, 100));
    assertThat(r.all().totalSeconds()).isEqualTo(0.246);
  }

  @Test
  void disjointOutagesOfEachKindAllCount() {
    ServiceUptime.Report r = run(List.of(300L), List.of(1_050L, 1_150L), 0);
    assertThat(r.all().outages()).containsExactly(new Outage(304, 400, false, 104, 100), new Outage(1_054, 1_250, false, 104, 100));
    assertThat(r.all().totalMs()).isEqualTo(292);
    assertThat(r.all().longestSeconds()).isEqualTo(0.196);
  }

  @Test
  void alternatingKindsFailingInTurnLeaveNoGap() {
    // NEW fails at 300, REUSED at 350, NEW at 400 ...: each kind alone sees short outages,
    // together they cover 304..650 without a gap.
    ServiceUptime.Report r = run(List.of(300L, 500L), List.of(350L, 450L, 550L), 502);
    assertThat(r.of(Connection.NEW).outages()).containsExactly(new Outage(304, 400, false, 104, 100), new Outage(504, 600, false, 104, 100));
    assertThat(r.of(Connection.REUSED).outages()).containsExactly(new Outage(354, 650, false, 104, 100));
    assertThat(r.all().outages()).containsExactly(new Outage(304, 650, false, 104, 100));
  }

  @Test
  void aStillOpenOutageOnOneKindMakesTheUnionOngoing() {
    ServiceUptime.Report r = run(List.of(2_000L), List.of(), 503);
    assertThat(r.all().outages()).containsExactly(new Outage(2_004, 2_100, true, 104, 0));
  }

  @Test
  void onlyProbesCountAndOnlyOutageKindsAreFailures() {
    ServiceUptime u = new ServiceUptime();
    for (long s = 0; s <= 1_000; s += 100) {
      u.add(probe(s, Connection.NEW, s == 200 ? 404 : s == 600 ? 401 : 200));
      u.add(probe(s + 10, Connection.REUSED, 500, Traffic.LOAD));
      u.add(probe(s + 20, Connection.REUSED, 500, Traffic.FLOW));
    }
    ServiceUptime.Report r = u.finish(0, 1_000);
    // 404: the service answered; 401 for a valid token: it could not validate it.
    assertThat(r.all().outages()).containsExactly(new Outage(604, 700, false, 104, 100));
  }
}
