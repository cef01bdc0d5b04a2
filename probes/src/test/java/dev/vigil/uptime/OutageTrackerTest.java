package dev.vigil.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The uptime rule on one stream: probes every 100 ms, each taking 5 ms unless stated. */
class OutageTrackerTest {

  private static OutageTracker probes(long fromMs, long toMs, long... downStarts) {
    OutageTracker t = new OutageTracker();
    for (long s = fromMs; s <= toMs; s += 100) {
      boolean down = false;
      for (long d : downStarts) {
        down |= d == s;
      }
      t.add(s, s + 5, down);
    }
    return t;
  }

  @Test
  void aSingleFailedProbeIsOneProbePeriod() {
    Downtime d = probes(0, 1000, 300).finish(0, 1000);
    assertThat(d.outages()).containsExactly(new Outage(300, 400, false));
    assertThat(d.totalSeconds()).isEqualTo(0.1);
  }

  @Test
  void consecutiveFailuresMakeOneOutageFromFirstFailureToNextSuccess() {
    Downtime d = probes(0, 1000, 300, 400, 500).finish(0, 1000);
    assertThat(d.outages()).containsExactly(new Outage(300, 600, false));
    assertThat(d.longest()).contains(new Outage(300, 600, false));
  }

  @Test
  void twoSeparateOutages() {
    Downtime d = probes(0, 1000, 200, 600, 700).finish(0, 1000);
    assertThat(d.outages()).containsExactly(new Outage(200, 300, false), new Outage(600, 800, false));
    assertThat(d.totalMs()).isEqualTo(300);
    assertThat(d.longestSeconds()).isEqualTo(0.2);
  }

  @Test
  void anOutageStillOpenAtTheEndClosesAtTheWindowEndAsOngoing() {
    Downtime d = probes(0, 1000, 900, 1000).finish(0, 1050);
    assertThat(d.outages()).containsExactly(new Outage(900, 1050, true));
  }

  @Test
  void outagesAreCutToTheWindow() {
    Downtime d = probes(0, 1000, 0, 100, 800, 900, 1000).finish(50, 950);
    assertThat(d.outages()).containsExactly(new Outage(50, 200, false), new Outage(800, 950, true));
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
      t.add(r[0], r[1], r[2] == 1);
    }
    assertThat(t.finish(0, 12_000).outages()).containsExactly(new Outage(300, 400, false));
    assertThat(t.lateSamples()).isZero();
  }

  @Test
  void aSampleLaterThanTheAllowedLatenessIsCountedAndIgnored() {
    OutageTracker t = new OutageTracker(1_000);
    for (long s = 0; s <= 5_000; s += 100) {
      t.add(s, s + 5, false);
    }
    t.add(200, 5_200, true);
    assertThat(t.lateSamples()).isEqualTo(1);
    assertThat(t.samples()).isEqualTo(52);
    assertThat(t.finish(0, 5_000).outages()).isEmpty();
  }

  @Test
  void memoryIsBoundedByTheLatenessNotTheWindow() {
    OutageTracker t = new OutageTracker(1_000);
    for (long s = 0; s < 3_600_000; s += 100) {
      t.add(s, s + 5, s % 60_000 == 0);
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
        t.add(s, s + 3, s >= downFrom && s < downFrom + downFor);
      }
      long measured = t.finish(0, 30_000).totalMs();
      assertThat(Math.abs(measured - downFor)).as("true %d ms", downFor).isLessThan(100);
    }
  }
}
