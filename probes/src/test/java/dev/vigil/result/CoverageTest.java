package dev.vigil.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.RunRecorder;
import dev.vigil.recording.Traffic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage and blind time from synthetic run folders: two services probed at 10/s on new and
 * reused connections over 20 s, before [0, 5), during [5, 15), after [15, 20].
 */
class CoverageTest {

  private static final long T0 = 1_767_225_600_000L;

  @TempDir
  Path run;

  private static RequestRecord probe(String service, long at, Connection c, ErrorKind error, int status) {
    return new RequestRecord(T0 + at, T0 + at + 8, service, "probe", "GET", Traffic.PROBE, c, status, error, error == ErrorKind.NONE,
        status > 0 ? "req-" + service + "-" + at : null);
  }

  /** Probes every 100 ms of both services on both kinds, except where {@code skip} says no probe started. */
  private List<RequestRecord> probes(java.util.function.LongPredicate skip) {
    List<RequestRecord> out = new ArrayList<>();
    for (long at = 0; at < 20_000; at += 100) {
      if (skip.test(at)) {
        continue;
      }
      for (String s : List.of("identity", "image")) {
        out.add(probe(s, at, Connection.NEW, ErrorKind.NONE, 200));
        out.add(probe(s, at + 50, Connection.REUSED, ErrorKind.NONE, 200));
      }
    }
    return out;
  }

  private void write(List<RequestRecord> records, boolean closed, Integer exit, long exitAt) throws IOException {
    Files.writeString(run.resolve("plan.json"), "{\"rate_per_service\": 10.0, \"connections\": [\"new\", \"reused\"], \"targets\": ["
        + "{\"service_type\": \"identity\", \"endpoint\": \"http://127.0.0.1:5000/v3\"},"
        + "{\"service_type\": \"image\", \"endpoint\": \"http://127.0.0.1:9292\"}]}");
    records.sort(Comparator.comparingLong(RequestRecord::endMs));
    try (RunRecorder recorder = RunRecorder.open(run)) {
      recorder.event(EventRecord.windowStart(T0));
      recorder.event(EventRecord.phase(T0, "before"));
      recorder.event(EventRecord.phase(T0 + 5_000, "during"));
      recorder.event(EventRecord.phase(T0 + 15_000, "after"));
      records.forEach(recorder::record);
      if (closed) {
        recorder.event(EventRecord.probesEnd(T0 + 20_000));
        recorder.event(EventRecord.windowEnd(T0 + 20_400));
      }
    }
    if (exit != null) {
      RunRecorder.appendEvent(run, EventRecord.observersExit(T0 + exitAt, exit));
    }
  }

  @Test
  void aCompleteWindowHasNoBlindTimeAndEveryProbeAskedFor() throws IOException {
    write(probes(at -> false), true, 0, 20_500);
    WindowResult r = new ResultAnalyzer().analyze(run, "r", "lab");
    WindowResult.Coverage c = r.services().get("identity").coverage();
    assertThat(c.expected()).isEqualTo(400);
    assertThat(c.recorded()).isEqualTo(400);
    assertThat(c.fraction()).isEqualTo(1.0);
    assertThat(c.blindIntervals()).isEmpty();
    assertThat(c.connections().get("new").expected()).isEqualTo(200);
    // Gatling's stop after the probes' end mark is not blind time
    assertThat(r.recording().windowClosed()).isTrue();
    assertThat(r.recording().observersExitCode()).isZero();
  }

  /**
   * Seen on the lab with Keystone answering in 3 s on a loaded machine: no probe of any stream
   * started in the last 2.3 s before the probes' end mark, the window closed cleanly and nothing was
   * lost. That is the injector pausing, not a stopped recorder (the cause said "full disk" before).
   */
  @Test
  void everyStreamSilentToTheEndWithNothingLostIsTheInjectorsStallNotAFullDisk() throws IOException {
    write(probes(at -> at > 17_650), true, 0, 20_500);
    WindowResult.Coverage c = new ResultAnalyzer().analyze(run, "r", "lab").services().get("identity").coverage();
    assertThat(c.blindIntervals()).isNotEmpty().allSatisfy(b -> {
      assertThat(b.cause()).startsWith("the injector stalled");
      assertThat(b.end().toEpochMilli() - T0).isEqualTo(20_000);
    });
  }

  @Test
  void aStalledInjectorLeavesOneBlindIntervalPerStreamNamedAsTheInjectorsStall() throws IOException {
    // no probe of any service started from 8.0 s until 14.0 s (the JVM was frozen)
    write(probes(at -> at > 7_950 && at < 14_000), true, 0, 20_500);
    WindowResult.Coverage c = new ResultAnalyzer().analyze(run, "r", "lab").services().get("image").coverage();
    assertThat(c.blindIntervals()).hasSize(2);
    WindowResult.BlindInterval fresh = c.blindIntervals().get(0);
    assertThat(fresh.connection()).isEqualTo("new");
    assertThat(fresh.start().toEpochMilli() - T0).isEqualTo(7_900);
    assertThat(fresh.end().toEpochMilli() - T0).isEqualTo(14_000);
    assertThat(fresh.cause()).startsWith("the injector stalled: no probe of any service started");
    // the union of the two kinds' blind stretches: [7.9, 14.0) ∪ [7.95, 14.05)
    assertThat(c.blindSeconds()).isCloseTo(6.15, within(1e-9));
    assertThat(c.recorded()).isEqualTo(400 - 2 * 60);
    assertThat(c.fraction()).isEqualTo(0.7);
  }

  @Test
  void oneStreamStallingAloneIsNamedSo() throws IOException {
    List<RequestRecord> records = probes(at -> false);
    records.removeIf(r -> r.service().equals("identity") && r.connection() == Connection.REUSED && r.startMs() > T0 + 9_000
        && r.startMs() < T0 + 10_000);
    write(records, true, 0, 20_500);
    WindowResult.Coverage c = new ResultAnalyzer().analyze(run, "r", "lab").services().get("identity").coverage();
    assertThat(c.blindIntervals()).singleElement().satisfies(b -> {
      assertThat(b.connection()).isEqualTo("reused");
      assertThat(b.cause()).startsWith("this probe stream stalled while others went on");
    });
  }

  @Test
  void twoProbePeriodsWithoutAProbeAreTheResolutionNotBlindness() throws IOException {
    // a probe missing here and there: gaps of 200 ms are not blind
    write(probes(at -> at % 1_000 == 500), true, 0, 20_500);
    assertThat(new ResultAnalyzer().analyze(run, "r", "lab").services().get("identity").coverage().blindIntervals()).isEmpty();
  }

  @Test
  void anInjectorThatDiedLeavesTheRestOfTheWindowBlindAndTheResultSaysSo() throws IOException {
    // the Gatling JVM was killed at 12 s; the run went on until 20.5 s, when the CLI saw it end
    List<RequestRecord> records = probes(at -> at >= 12_000);
    write(records, false, 137, 20_500);
    WindowResult r = new ResultAnalyzer().analyze(run, "r", "lab");
    assertThat(r.recording().windowClosed()).isFalse();
    assertThat(r.recording().injectorDied()).isTrue();
    assertThat(r.recording().observersExitCode()).isEqualTo(137);
    assertThat(r.window().end().toEpochMilli() - T0).isEqualTo(20_500);
    WindowResult.BlindInterval tail = r.services().get("identity").coverage().blindIntervals().get(0);
    assertThat(tail.end().toEpochMilli() - T0).isEqualTo(20_500);
    assertThat(tail.cause()).isEqualTo("the injector (Gatling JVM) died or was killed before the window closed (exit code 137)");
  }

  @Test
  void aServiceThePlanAskedForButNeverRecordedIsBlindThroughout() throws IOException {
    List<RequestRecord> records = probes(at -> false);
    records.removeIf(r -> r.service().equals("image"));
    write(records, true, 0, 20_500);
    WindowResult.Coverage c = new ResultAnalyzer().analyze(run, "r", "lab").services().get("image").coverage();
    assertThat(c.recorded()).isZero();
    assertThat(c.fraction()).isZero();
    assertThat(c.blindSeconds()).isEqualTo(20.0);
    assertThat(c.blindIntervals()).allMatch(b -> b.cause().startsWith("no probe of this stream was recorded in the whole window"));
  }

  @Test
  void heldBackProbesAreNeitherRequestsNorFailuresButTheirStretchIsBlind() throws IOException {
    List<RequestRecord> records = probes(at -> at >= 6_000 && at < 9_000);
    for (long at = 6_000; at < 9_000; at += 100) {
      for (String s : List.of("identity", "image")) {
        records.add(new RequestRecord(T0 + at, T0 + at, s, "probe", "GET", Traffic.PROBE, Connection.NEW, 0, ErrorKind.HELD_BACK, false, null));
        records.add(new RequestRecord(T0 + at + 50, T0 + at + 50, s, "probe", "GET", Traffic.PROBE, Connection.REUSED, 0, ErrorKind.HELD_BACK,
            false, null));
      }
    }
    write(records, true, 0, 20_500);
    WindowResult.ServiceResult s = new ResultAnalyzer().analyze(run, "r", "lab").services().get("identity");
    assertThat(s.coverage().heldBack()).isEqualTo(60);
    assertThat(s.coverage().recorded()).isEqualTo(340);
    // 3 s with no probe sent: an outage could hide there, so it is blind time, and the cause says why
    // (before, held-back probes counted as started and this window read as fully observed)
    assertThat(s.coverage().blindIntervals()).hasSize(2).allSatisfy(b -> {
      assertThat(b.cause()).startsWith("probes held back: the API answered too slowly for probe.max_in_flight");
      assertThat(b.seconds()).isBetween(3.0, 3.1);
    });
    assertThat(s.requests()).isEqualTo(340);
    assertThat(s.failures()).isZero();
    assertThat(s.outages()).isEmpty();
  }

  @Test
  void everyTrafficKindFailingBecauseOfTheServiceIsCountedPerPhaseWithItsRequestId() throws IOException {
    List<RequestRecord> records = probes(at -> false);
    records.add(new RequestRecord(T0 + 6_000, T0 + 6_100, "image", "create-image", "POST", Traffic.FLOW, Connection.REUSED, 503,
        ErrorKind.HTTP_5XX, false, "req-flow-1"));
    records.add(new RequestRecord(T0 + 16_000, T0 + 16_300, "image", "list-images", "GET", Traffic.LOAD, Connection.REUSED, 429,
        ErrorKind.HTTP_4XX, false, "req-load-1"));
    // the client's own doing: not counted
    records.add(new RequestRecord(T0 + 7_000, T0 + 7_010, "image", "delete-image", "DELETE", Traffic.FLOW, Connection.REUSED, 404,
        ErrorKind.HTTP_4XX, false, "req-flow-2"));
    records.add(new RequestRecord(T0 + 7_100, T0 + 7_110, "image", "create-image", "POST", Traffic.FLOW, Connection.REUSED, 409,
        ErrorKind.HTTP_4XX, false, "req-flow-3"));
    write(records, true, 0, 20_500);
    WindowResult.ServiceResult s = new ResultAnalyzer().analyze(run, "r", "lab").services().get("image");
    assertThat(s.phases().get("during").serviceFailures()).isEqualTo(1);
    assertThat(s.phases().get("during").serviceFailureSamples()).singleElement().satisfies(f -> {
      assertThat(f.requestId()).isEqualTo("req-flow-1");
      assertThat(f.traffic()).isEqualTo("flow");
      assertThat(f.request()).isEqualTo("create-image");
      assertThat(f.status()).isEqualTo(503);
    });
    assertThat(s.phases().get("after").serviceFailures()).isEqualTo(1);
    assertThat(s.phases().get("after").serviceFailureSamples().get(0).requestId()).isEqualTo("req-load-1");
    assertThat(s.phases().get("before").serviceFailures()).isZero();
  }

  @Test
  void anOutageDuringAnOutageOfAServiceItDependsOnNamesThatServiceAndStillCounts() throws IOException {
    List<RequestRecord> records = probes(at -> false);
    // identity down from 6.0 to 9.0 s; image answers 401 from 6.2 to 9.1 s (it cannot validate tokens)
    records.replaceAll(r -> {
      long at = r.startMs() - T0;
      if (r.service().equals("identity") && at >= 6_000 && at < 9_000) {
        return probe("identity", at, r.connection(), ErrorKind.HTTP_5XX, 503);
      }
      if (r.service().equals("image") && at >= 6_200 && at < 9_100) {
        return probe("image", at, r.connection(), ErrorKind.UNAUTHORIZED, 401);
      }
      return r;
    });
    write(records, true, 0, 20_500);
    WindowResult.ServiceResult image = new ResultAnalyzer().analyze(run, "r", "lab").services().get("image");
    assertThat(image.outages()).singleElement().satisfies(o -> {
      assertThat(o.during()).containsExactly("identity");
      assertThat(o.cause()).isEqualTo(" (during identity's outage)");
    });
    assertThat(image.downtimeSeconds()).isGreaterThan(2.8);
  }
}
