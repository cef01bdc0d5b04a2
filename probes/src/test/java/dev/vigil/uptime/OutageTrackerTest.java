package dev.vigil.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.recording.ErrorKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The uptime rule on one stream: probes every 100 ms, each taking 5 ms unless stated, failing with a
 * 503 (placed at its answer) unless stated.
 */
class OutageTrackerTest {

  private static final ErrorKind DOWN = ErrorKind.HTTP_5XX;
  private static final ErrorKind UP = ErrorKind.NONE;

  private static ErrorKind kind(boolean down) {
    return down ? DOWN : UP;
  }

  private static OutageTracker probes(long fromMs, long toMs, long... downStarts) {
    OutageTracker t = new OutageTracker();
    for (long s = fromMs; s <= toMs; s += 100) {
      boolean down = false;
      for (long d : downStarts) {
        down |= d == s;
      }
      t.add(s, s + 5, kind(down));
    }
    return t;
  }

  @Test
  void aSingleFailedProbeIsOneProbePeriod() {
    Downtime d = probes(0, 1000, 300).finish(0, 1000);
    assertThat(d.outages()).containsExactly(new Outage(305, 400, false, 105, 100));
    assertThat(d.totalSeconds()).isEqualTo(0.095);
  }

  @Test
  void consecutiveFailuresMakeOneOutageFromFirstFailureToNextSuccess() {
    Downtime d = probes(0, 1000, 300, 400, 500).finish(0, 1000);
    assertThat(d.outages()).containsExactly(new Outage(305, 600, false, 105, 100));
    assertThat(d.longest()).contains(new Outage(305, 600, false, 105, 100));
  }

  @Test
  void twoSeparateOutages() {
    Downtime d = probes(0, 1000, 200, 600, 700).finish(0, 1000);
    assertThat(d.outages()).containsExactly(new Outage(205, 300, false, 105, 100), new Outage(605, 800, false, 105, 100));
    assertThat(d.totalMs()).isEqualTo(290);
    assertThat(d.longestSeconds()).isEqualTo(0.195);
  }

  @Test
  void anOutageStillOpenAtTheEndClosesAtTheWindowEndAsOngoing() {
    Downtime d = probes(0, 1000, 900, 1000).finish(0, 1050);
    assertThat(d.outages()).containsExactly(new Outage(905, 1050, true, 105, 0));
  }

  @Test
  void outagesAreCutToTheWindow() {
    Downtime d = probes(0, 1000, 0, 100, 800, 900, 1000).finish(50, 950);
    // the first edge is the window's, so it carries no uncertainty
    assertThat(d.outages()).containsExactly(new Outage(50, 200, false, 0, 100), new Outage(805, 950, true, 105, 0));
  }

  @Test
  void aSlowTimeoutArrivingAfterLaterProbesIsPlacedByItsStart() {
    OutageTracker t = new OutageTracker();
    // Probe at 300 times out after 10 s, so it is recorded after the probes sent at 400..10200.
    List<long[]> byEnd = new ArrayList<>();
    for (long s = 0; s <= 12_000; s += 100) {
      byEnd.add(new long[] {s, s == 300 ? 10_300 : s + 5, s == 300 ? 1 : 0});
    }
    byEnd.sort(Comparator.comparingLong(r -> r[1]));
    for (long[] r : byEnd) {
      t.add(r[0], r[1], r[2] == 1 ? ErrorKind.TIMEOUT : UP);
    }
    assertThat(t.finish(0, 12_000).outages()).containsExactly(new Outage(300, 400, false, 100, 100));
    assertThat(t.lateSamples()).isZero();
  }

  @Test
  void aSampleLaterThanTheAllowedLatenessIsCountedAndIgnored() {
    OutageTracker t = new OutageTracker(1_000);
    for (long s = 0; s <= 5_000; s += 100) {
      t.add(s, s + 5, UP);
    }
    t.add(200, 5_200, ErrorKind.TIMEOUT);
    assertThat(t.lateSamples()).isEqualTo(1);
    assertThat(t.samples()).isEqualTo(52);
    assertThat(t.finish(0, 5_000).outages()).isEmpty();
  }

  @Test
  void memoryIsBoundedByTheLatenessNotTheWindow() {
    OutageTracker t = new OutageTracker(1_000);
    for (long s = 0; s < 3_600_000; s += 100) {
      t.add(s, s + 5, kind(s % 60_000 == 0));
    }
    assertThat(t.openSinceMs()).isEmpty();
    assertThat(t.finish(0, 3_600_000).outages()).hasSize(60);
  }

  @Test
  void measuredDowntimeIsWithinOneProbePeriodOfTheTrueOne() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 500; i++) {
      long phase = random.nextLong(100);
      long downFrom = 5_000 + random.nextLong(1_000);
      long downFor = 50 + random.nextLong(10_000);
      OutageTracker t = new OutageTracker();
      for (long s = phase; s < 30_000; s += 100) {
        t.add(s, s + 3, kind(s >= downFrom && s < downFrom + downFor));
      }
      long measured = t.finish(0, 30_000).totalMs();
      assertThat(Math.abs(measured - downFor)).as("true %d ms", downFor).isLessThan(100);
    }
  }

  /**
   * The case: on a slow API behind a queue, a probe sent before the maintenance waits and is
   * failed by it, while probes sent after it are still served. The outage opens where the
   * maintenance failed it, not where it began waiting (the rule before this one opened it 500 ms
   * early).
   */
  @Test
  void aProbeThatWaitedInAQueueDoesNotOpenTheOutageEarly() {
    long down = 10_000;
    long up = 12_530;
    OutageTracker t = new OutageTracker();
    List<long[]> probes = new ArrayList<>();
    for (long s = 0; s < 20_000; s += 100) {
      long latency = s == down - 500 ? 10_000 : 600; // this one waits for a server slot
      long end = s + latency;
      boolean failed = s >= down && s < up || s < down && end > down && s == down - 500;
      probes.add(new long[] {s, failed && s < down ? down + 3 : failed ? s + 2 : end, failed ? 1 : 0});
    }
    probes.sort(Comparator.comparingLong(r -> r[1]));
    for (long[] r : probes) {
      t.add(r[0], r[1], r[2] == 1 ? DOWN : UP);
    }
    Outage o = t.finish(0, 20_000).outages().get(0);
    assertThat(t.finish(0, 20_000).outages()).hasSize(1);
    assertThat(o.startMs() - down).isBetween(0L, 100L);
    assertThat(o.endMs() - up).isBetween(0L, 100L);
    assertThat(o.startMs() - o.startUncertaintyMs()).isLessThanOrEqualTo(down);
    assertThat(o.endMs() - o.endUncertaintyMs()).isLessThanOrEqualTo(up);
  }

  /**
   * Slow API (answers in 0.4–1.2 s), outages refused at once by the balancer, probes every 100 ms
   * with a jittered start: every edge within one period of the truth, and the truth inside the
   * reported uncertainty.
   */
  @Test
  void onASlowApiEachEdgeIsWithinOneProbePeriodAndInsideItsUncertainty() {
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 300; i++) {
      long down = 5_000 + random.nextLong(1_000);
      long up = down + 300 + random.nextLong(10_000);
      List<long[]> probes = new ArrayList<>();
      for (long s = random.nextLong(100); s < 30_000; s += 100 + random.nextLong(-10, 11)) {
        long latency = 400 + random.nextLong(800);
        // a request is failed when it reaches the balancer while the servers are out, or is still waiting for
        // its turn (it arrives at s and is handed to a server at s + latency - 50) when they go out
        boolean failedOnArrival = s >= down && s < up;
        boolean failedWaiting = s < down && s + latency - 50 >= down;
        long end = failedOnArrival ? s + 2 : failedWaiting ? down + 1 : s + latency;
        probes.add(new long[] {s, end, failedOnArrival || failedWaiting ? 1 : 0});
      }
      probes.sort(Comparator.comparingLong(r -> r[1]));
      OutageTracker t = new OutageTracker();
      for (long[] r : probes) {
        t.add(r[0], r[1], r[2] == 1 ? DOWN : UP);
      }
      List<Outage> found = t.finish(0, 40_000).outages();
      assertThat(found).as("case %d", i).hasSize(1);
      Outage o = found.get(0);
      assertThat(o.startMs() - down).as("start, case %d", i).isBetween(0L, 110L);
      assertThat(o.endMs() - up).as("end, case %d", i).isBetween(0L, 110L);
      assertThat(o.startMs() - o.startUncertaintyMs()).isLessThanOrEqualTo(down);
      assertThat(o.endMs() - o.endUncertaintyMs()).isLessThanOrEqualTo(up);
    }
  }
}
