package dev.vigil.run;

import static dev.vigil.result.ServiceVerdict.Answer.INCONCLUSIVE;
import static dev.vigil.result.ServiceVerdict.Answer.NO;
import static dev.vigil.result.ServiceVerdict.Answer.YES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lifecycle.Outcome;
import dev.vigil.recording.FlowOutcome;
import dev.vigil.recording.FlowRecord;
import dev.vigil.result.ServiceVerdict;
import dev.vigil.result.ServiceVerdict.Answer;
import dev.vigil.result.WindowResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VerdictJudgeTest {

  private static final Evidence.Thresholds T = new Evidence.Thresholds(0.20, 0.01, 0);
  private static final Evidence.ReleaseFacts SAME = new Evidence.ReleaseFacts("zed", "zed", YES, "same version (2.30) before and after");
  private static final List<Outcome> HEALTHY = List.of(
      Outcome.passed("system-health", "answers its API (before)", "image", "ok", List.of()),
      Outcome.passed("system-health", "answers its API (after)", "image", "ok", List.of()));
  private static final List<Outcome> INTACT = List.of(
      Outcome.passed("persistent-resources", "image unchanged", "image", "image unchanged", List.of()),
      Outcome.passed("persistent-resources", "server unchanged", "compute", "server unchanged", List.of()));
  private static final Instant T0 = Instant.parse("2026-11-25T14:13:00Z");
  private static final WindowResult.Coverage FULL = new WindowResult.Coverage(100, 600, 600, 0, 1.0, 0, List.of(), Map.of());
  private static final String PROBE = "probe list-images (new)";

  /** 200 requests of one kind, 20 … 30 ms (median 25, p99 30) shifted by {@code plusMs}. */
  private static Map<String, long[]> samples(long plusMs) {
    return samples(i -> plusMs + 20 + (i * 7) % 11);
  }

  private static Map<String, long[]> samples(IntToLongFunction latency) {
    return Map.of(PROBE, IntStream.range(0, 200).mapToLong(latency).toArray());
  }

  /** A clean run by default; each test spoils one thing. */
  private static final class Case {
    Evidence.ReleaseFacts release = SAME;
    List<Outcome> health = HEALTHY;
    List<Outcome> resources = INTACT;
    WindowResult.PhaseResult before = phase(200, 0, 20, 30, null);
    WindowResult.PhaseResult during = phase(200, 0, 21, 31, 0.5);
    WindowResult.PhaseResult after = phase(200, 0, 20, 30, 0.5);
    List<WindowResult.OutageEntry> beforeOutages = List.of();
    List<WindowResult.OutageEntry> duringOutages = List.of();
    List<WindowResult.OutageEntry> afterOutages = List.of();
    List<WindowResult.BlindInterval> duringBlind = List.of();
    List<WindowResult.BlindInterval> afterBlind = List.of();
    List<FlowRecord> broken = List.of();
    long load = 500;
    boolean measured = true;
    boolean injectorDied;
    long lost;
    long late;
    List<String> truncated = List.of();
    WindowResult.Coverage coverage = FULL;
    List<Evidence.DataPlane> dataPlane = List.of();
    boolean phasesMarked = true;
    /** Latencies per phase and kind: the same in every phase by default. */
    Map<String, Map<String, long[]>> latencies = new HashMap<>(Map.of("before", samples(0), "during", samples(0), "after", samples(0)));

    Evidence evidence() {
      List<Evidence.Stretch> upgrade = phasesMarked ? List.of(new Evidence.Stretch("during", during, 10, duringOutages, duringBlind),
          new Evidence.Stretch("after", after, 10, afterOutages, afterBlind)) : List.of();
      return new Evidence("image", release, health, resources, new Evidence.Stretch("before", before, 10, beforeOutages, List.of()), upgrade,
          broken, load, new Evidence.Completeness(measured, injectorDied, injectorDied ? 137 : 0, lost, late, truncated, coverage), dataPlane,
          new Evidence.Latencies(latencies));
    }

    ServiceVerdict judge() {
      return VerdictJudge.judge(evidence(), T);
    }
  }

  private static WindowResult.PhaseResult phase(long requests, double downtime, long p50, long p95, Double p) {
    return phase(requests, downtime, p50, p95, p, 0, List.of());
  }

  private static WindowResult.PhaseResult phase(long requests, double downtime, long p50, long p95, Double p, long serviceFailures,
      List<WindowResult.FailedRequest> samples) {
    return new WindowResult.PhaseResult(requests, serviceFailures, downtime, new WindowResult.Latency(requests, p50, p95, p95, p95, (double) p50),
        p == null ? null : new WindowResult.LatencyChange("before", p < 0.01 ? "slower" : "not_slower", List.of()), serviceFailures, samples);
  }

  private static WindowResult.OutageEntry outage(int fromS, int toS) {
    return new WindowResult.OutageEntry(T0.plusSeconds(fromS), T0.plusSeconds(toS), toS - fromS, false);
  }

  private static Answer[] answers(ServiceVerdict v) {
    return new Answer[] {v.verdict().rolling(), v.verdict().zeroDowntime(), v.verdict().zeroImpact(), v.verdict().accessible()};
  }

  @Test
  void everyLevelHoldsWhenTheEvidenceIsCleanAndLoadWasApplied() {
    ServiceVerdict v = new Case().judge();
    assertThat(answers(v)).containsExactly(YES, YES, YES, YES);
    assertThat(v.release()).isEqualTo(new ServiceVerdict.Release("zed", "zed"));
    assertThat(v.reasons()).noneMatch(r -> r.contains("NOT met") || r.contains("inconclusive"))
        .contains("zero_downtime: ok: evidence complete: 600 of 600 probes asked for recorded (100.0 %), no blind interval in the judged phases")
        .anyMatch(r -> r.startsWith("zero_downtime: ok: no API outage from the upgrade's start to the window's end (400 requests, 0.00 s downtime; "
            + "during 0.00 s, after 0.00 s)"))
        .anyMatch(r -> r.startsWith("zero_impact: ok: latency during: no kind of request slower than before (1 kind judged; the closest: "
            + "probe list-images (new): median 25 → 25 ms (+0 ms, +0 %), p95 30 → 30 ms, n 200 → 200, one-sided Mann–Whitney p = 0.5"))
        .anyMatch(r -> r.startsWith("zero_impact: ok: latency after: no kind of request slower than before"))
        .contains("zero_impact: ok: throughput during vs before: 20.0 → 20.0 successful requests/s");
  }

  @Test
  void anOutageInTheAfterPhaseIsNotZeroDowntime() {
    // an upgrade step that returns before its effect: the outage falls after the driver's return
    Case c = new Case();
    c.after = phase(200, 3.0, 20, 30, 0.5);
    c.afterOutages = List.of(outage(25, 28));
    ServiceVerdict v = c.judge();
    assertThat(answers(v)).containsExactly(YES, NO, NO, YES);
    assertThat(v.reasons()).contains("zero_downtime: NOT met: 3.00 s of API outage from the upgrade's start to the window's end (failed uptime "
        + "probes; during 0.00 s, after 3.00 s); outage 2026-11-25T14:13:25Z – 2026-11-25T14:13:28Z (3.00 s)");
  }

  @Test
  void blindTimeInTheJudgedPhasesIsInconclusiveNeverYes() {
    Case c = new Case();
    c.duringBlind = List.of(new WindowResult.BlindInterval(T0.plusSeconds(12), T0.plusSeconds(18), 6.0, "new",
        "the injector stalled: no probe of any service started (a paused or overloaded injector JVM or host)"));
    ServiceVerdict v = c.judge();
    assertThat(answers(v)).containsExactly(YES, INCONCLUSIVE, INCONCLUSIVE, YES);
    assertThat(v.reasons()).anyMatch(r -> r.startsWith("zero_downtime: inconclusive: 1 blind interval(s) in the judged phases (6.00 s in all, no "
        + "probe started), first 2026-11-25T14:13:12Z – 2026-11-25T14:13:18Z on new connections: the injector stalled"));
    assertThat(v.reasons()).contains("zero_impact: inconclusive: it requires zero_downtime, which is inconclusive");
  }

  @Test
  void measuredTroubleBeatsMissingEvidence() {
    Case c = new Case();
    c.afterBlind = List.of(new WindowResult.BlindInterval(T0.plusSeconds(22), T0.plusSeconds(23), 1.0, "reused", "this probe stream stalled"));
    c.during = phase(200, 1.0, 20, 30, 0.5);
    c.duringOutages = List.of(outage(5, 6));
    assertThat(c.judge().verdict().zeroDowntime()).isEqualTo(NO);
  }

  @Test
  void eachGapInTheRecordingMakesZeroDowntimeInconclusive() {
    List<java.util.function.Consumer<Case>> spoilers = List.of(
        c -> c.injectorDied = true,
        c -> c.lost = 12,
        c -> c.late = 3,
        c -> c.truncated = List.of("records.tsv"),
        c -> c.coverage = null,
        c -> {
          c.measured = false;
          c.during = null;
          c.after = null;
        },
        c -> c.phasesMarked = false);
    List<String> expected = List.of("the injector (Gatling JVM) died before closing the window (exit code 137)",
        "the recorder lost 12 record(s)", "3 probe(s) arrived too late to place in the outage timeline", "run files cut short: records.tsv",
        "the probes' coverage is unknown", "the window recorded no request of image (it never started, or the service was never probed)",
        "no during or after phase was marked");
    for (int i = 0; i < spoilers.size(); i++) {
      Case c = new Case();
      spoilers.get(i).accept(c);
      ServiceVerdict v = c.judge();
      assertThat(v.verdict().zeroDowntime()).as(expected.get(i)).isEqualTo(INCONCLUSIVE);
      assertThat(v.verdict().zeroImpact()).as(expected.get(i)).isIn(INCONCLUSIVE);
      String text = expected.get(i);
      assertThat(v.reasons()).as(text).anyMatch(r -> r.startsWith("zero_downtime: inconclusive: ") && r.contains(text));
    }
  }

  @Test
  void aFailedFlowStepOrLoadRequestIsNotZeroDowntimeAndIsNamedWithItsRequestId() {
    Case c = new Case();
    WindowResult.FailedRequest step = new WindowResult.FailedRequest(T0.plusSeconds(14), "flow", "create-image", "POST", 503, "http_5xx",
        "req-0123");
    WindowResult.FailedRequest load = new WindowResult.FailedRequest(T0.plusSeconds(15), "load", "list-images", "GET", 0, "connect", null);
    c.during = phase(200, 0, 21, 31, 0.5, 2, List.of(step, load));
    ServiceVerdict v = c.judge();
    assertThat(answers(v)).containsExactly(YES, NO, NO, YES);
    assertThat(v.reasons()).contains("zero_downtime: NOT met: 2 request(s) failed because of the service from the upgrade's start to the window's "
        + "end (2 during): during flow create-image (POST) at 2026-11-25T14:13:14Z: 503 http_5xx, request id req-0123; during load list-images "
        + "(GET) at 2026-11-25T14:13:15Z: connect, request id none (no answer)");
  }

  @Test
  void failedAndLostFlowsAreNotZeroDowntime() {
    Case c = new Case();
    c.broken = List.of(new FlowRecord("image", "create-image", "req-9", "img-1", T0.plusSeconds(11).toEpochMilli(), T0.plusSeconds(16).toEpochMilli(),
        FlowOutcome.FAILED, "status killed"), new FlowRecord("image", "create-image", null, null, T0.plusSeconds(21).toEpochMilli(),
        T0.plusSeconds(60).toEpochMilli(), FlowOutcome.LOST, ""));
    ServiceVerdict v = c.judge();
    assertThat(v.verdict().zeroDowntime()).isEqualTo(NO);
    assertThat(v.reasons()).contains("zero_downtime: NOT met: 2 availability flow(s) failed or were lost (accepted and never processed): "
        + "create-image FAILED at 2026-11-25T14:13:16Z, request id req-9: status killed; create-image LOST at 2026-11-25T14:14:00Z, request id none");
  }

  @Test
  void anOutageBeforeTheUpgradeIsSaidAndNoPhaseComparisonOnItPasses() {
    Case c = new Case();
    c.beforeOutages = List.of(outage(1, 3));
    ServiceVerdict v = c.judge();
    assertThat(answers(v)).containsExactly(YES, YES, INCONCLUSIVE, YES);
    assertThat(v.reasons()).contains("zero_downtime: note: the baseline was not healthy: outage 2026-11-25T14:13:01Z – 2026-11-25T14:13:03Z "
        + "(2.00 s) before the upgrade began", "zero_impact: inconclusive: the baseline (before) was not healthy, so no phase is compared with it");
  }

  @Test
  void zeroImpactWithoutLoadIsNotJudgedButASlowdownStillFailsIt() {
    Case c = new Case();
    c.load = 0;
    ServiceVerdict v = c.judge();
    assertThat(v.verdict().zeroImpact()).isEqualTo(INCONCLUSIVE);
    assertThat(v.reasons()).contains("zero_impact: inconclusive: not judged: no load was applied (zero-impact is about behaviour under load; "
        + "add --load R)");
    c.latencies.put("after", samples(280));
    assertThat(c.judge().verdict().zeroImpact()).isEqualTo(NO);
  }

  @Test
  void rollingAnswersFromTheValidators() {
    Case older = new Case();
    older.release = new Evidence.ReleaseFacts("2023.1", "zed", NO, "image: 2023.1 → zed: older after the upgrade");
    ServiceVerdict v = older.judge();
    assertThat(answers(v)).containsExactly(NO, NO, NO, YES);
    assertThat(v.reasons()).contains("rolling: NOT met: release 2023.1 → zed: image: 2023.1 → zed: older after the upgrade",
        "zero_downtime: NOT met: it requires rolling", "zero_impact: NOT met: it requires zero_downtime");

    Case unknown = new Case();
    unknown.release = new Evidence.ReleaseFacts("unknown", "unknown", INCONCLUSIVE, "the release-version validator did not run");
    assertThat(answers(unknown.judge())).containsExactly(INCONCLUSIVE, INCONCLUSIVE, INCONCLUSIVE, YES);

    Case sick = new Case();
    sick.health = List.of(HEALTHY.get(0), Outcome.failed("system-health", "answers its API (after)", "image",
        "image is not healthy: list-images: HTTP 503", List.of()));
    assertThat(sick.judge().reasons()).contains("rolling: NOT met: health after: image is not healthy: list-images: HTTP 503");
    assertThat(sick.judge().verdict().rolling()).isEqualTo(NO);

    Case unmeasured = new Case();
    unmeasured.health = List.of(HEALTHY.get(0));
    assertThat(unmeasured.judge().verdict().rolling()).isEqualTo(INCONCLUSIVE);
    assertThat(unmeasured.judge().reasons()).contains("rolling: inconclusive: health after: not measured for image");
  }

  @Test
  void onlyThisServicesOwnOrCloudWideResourceFailuresCount() {
    Case computeBroken = new Case();
    computeBroken.resources = List.of(INTACT.get(0), Outcome.failed("persistent-resources", "server unchanged", "compute", "server is ERROR",
        List.of()));
    assertThat(computeBroken.judge().verdict().rolling()).isEqualTo(YES);
    assertThat(computeBroken.judge().verdict().accessible()).isEqualTo(YES);

    Case imageBroken = new Case();
    imageBroken.resources = List.of(Outcome.failed("persistent-resources", "image unchanged", "image", "checksum differs", List.of()));
    assertThat(answers(imageBroken.judge())).containsExactly(NO, NO, NO, NO);
    assertThat(imageBroken.judge().reasons())
        .contains("accessible: NOT met: persistent resources: 1 check(s) failed, first: image unchanged: checksum differs");

    Case onlyCreated = new Case();
    onlyCreated.resources = List.of(Outcome.passed("persistent-resources", "image created", "image", "image created", List.of()));
    assertThat(onlyCreated.judge().verdict().accessible()).isEqualTo(INCONCLUSIVE);
    assertThat(onlyCreated.judge().reasons()).contains("rolling: inconclusive: persistent resources were created but not verified after the upgrade");

    Case unchecked = new Case();
    unchecked.resources = List.of();
    assertThat(unchecked.judge().verdict().rolling()).isEqualTo(INCONCLUSIVE);
    assertThat(unchecked.judge().reasons()).contains("rolling: inconclusive: persistent resources were not checked");
  }

  @Test
  void aDataPlaneTargetDownDuringTheWindowIsNotAccessibleAndOneNeverProbedIsInconclusive() {
    Case up = new Case();
    up.dataPlane = List.of(new Evidence.DataPlane("tcp://10.0.0.5:22", 600, 0, 0.0));
    assertThat(up.judge().verdict().accessible()).isEqualTo(YES);
    assertThat(up.judge().reasons()).contains("accessible: ok: data plane tcp://10.0.0.5:22: 0.00 s down in the window (600 probes, 0 failed)");

    Case down = new Case();
    down.dataPlane = List.of(new Evidence.DataPlane("tcp://10.0.0.5:22", 600, 0, 0.0), new Evidence.DataPlane("http://10.0.0.5/", 600, 31, 3.1));
    assertThat(answers(down.judge())).containsExactly(YES, YES, YES, NO);
    assertThat(down.judge().reasons()).contains("accessible: NOT met: data plane http://10.0.0.5/: 3.10 s down in the window (600 probes, 31 failed)");

    Case never = new Case();
    never.dataPlane = List.of(new Evidence.DataPlane("tcp://10.0.0.5:22", 0, 0, 0.0));
    assertThat(never.judge().verdict().accessible()).isEqualTo(INCONCLUSIVE);

    assertThat(new Case().judge().reasons())
        .contains("accessible: ok: no data-plane target was probed during the window (--data-plane adds workloads to watch)");
  }

  @Test
  void aKindSlowerBeyondBothFloorsInEitherJudgedPhaseIsNotZeroImpactAndItsFiguresAreQuoted() {
    Case during = new Case();
    during.latencies.put("during", samples(40));
    assertThat(answers(during.judge())).containsExactly(YES, YES, NO, YES);
    assertThat(during.judge().reasons()).anyMatch(r -> r.startsWith("zero_impact: NOT met: latency during: probe list-images (new): median 25 → "
        + "65 ms (+40 ms, +160 %), p95 30 → 70 ms, n 200 → 200, one-sided Mann–Whitney p = ") && r.endsWith(": slower, beyond the floors 20 ms and 20 %"));

    Case after = new Case();
    after.latencies.put("after", samples(40));
    assertThat(after.judge().verdict().zeroImpact()).isEqualTo(NO);
  }

  @Test
  void aRealButImperceptibleRiseAndAFallAreZeroImpact() {
    // +1 ms on 25 ms: significant with 200 requests each, under the 20 ms floor
    Case rise = new Case();
    rise.latencies.put("during", samples(1));
    assertThat(rise.judge().verdict().zeroImpact()).isEqualTo(YES);
    // faster during the upgrade: the two-sided test this replaces called it significantly worse
    Case fall = new Case();
    fall.latencies.put("before", samples(40));
    fall.latencies.put("after", samples(40));
    assertThat(fall.judge().verdict().zeroImpact()).isEqualTo(YES);
  }

  @Test
  void aChangeInTheMixOfRequestsIsNotAChangeInLatency() {
    // before: mostly quick probes; during: mostly slow load requests. Pooled, the median goes from 25 to 300 ms; per kind nothing changed.
    Case c = new Case();
    c.latencies.put("before", Map.of(PROBE, IntStream.range(0, 200).mapToLong(i -> 20 + (i * 7) % 11).toArray(),
        "load list-images", IntStream.range(0, 20).mapToLong(i -> 300 + i % 7).toArray()));
    c.latencies.put("during", Map.of(PROBE, IntStream.range(0, 20).mapToLong(i -> 20 + (i * 7) % 11).toArray(),
        "load list-images", IntStream.range(0, 200).mapToLong(i -> 300 + i % 7).toArray()));
    assertThat(c.judge().verdict().zeroImpact()).isEqualTo(YES);
  }

  @Test
  void intermittentStallsAreNotZeroImpact() {
    // every 25th request stalls at 400 ms: the median does not move, 4 % of the requests are above 3 × the baseline p99
    Case c = new Case();
    c.latencies.put("during", samples(i -> i % 25 == 0 ? 400 : 20 + (i * 7) % 11));
    assertThat(c.judge().verdict().zeroImpact()).isEqualTo(NO);
    assertThat(c.judge().reasons()).anyMatch(r -> r.startsWith("zero_impact: NOT met: latency during: probe list-images (new): median 25 → 25 ms")
        && r.contains("intermittent stalls: 8 of 200 (4.0 %) above 90 ms (3 × the baseline p99) against 0 of 200"));
  }

  @Test
  void aKindWithTooFewRequestsToJudgeIsInconclusiveNeverYes() {
    Case c = new Case();
    c.latencies.put("before", Map.of(PROBE, samples(0).get(PROBE), "flow create-image", new long[] {180, 190}));
    c.latencies.put("during", Map.of(PROBE, samples(0).get(PROBE), "flow create-image", new long[] {200}));
    assertThat(c.judge().verdict().zeroImpact()).isEqualTo(INCONCLUSIVE);
    assertThat(c.judge().reasons()).anyMatch(r -> r.startsWith("zero_impact: inconclusive: latency during not judged for flow create-image 2 → 1: "
        + "fewer than 5"));
  }

  @Test
  void lowerThroughputBeyondTheToleranceIsNotZeroImpact() {
    Case c = new Case();
    c.during = phase(150, 0, 20, 30, 0.5);
    assertThat(c.judge().verdict().zeroImpact()).isEqualTo(NO);
    assertThat(c.judge().reasons()).contains("zero_impact: NOT met: throughput during vs before: 20.0 → 15.0 successful requests/s: lower beyond "
        + "the tolerance");
  }

  @Test
  void noBaselineSampleToCompareWithIsInconclusive() {
    Case c = new Case();
    c.latencies.put("before", Map.of());
    assertThat(c.judge().verdict().zeroImpact()).isEqualTo(INCONCLUSIVE);
    assertThat(c.judge().reasons()).anyMatch(r -> r.startsWith("zero_impact: inconclusive: latency during: no kind of request had enough successful "
        + "requests before and during to compare (probe list-images (new) 0 → 200)"));
  }

  @Test
  void answersCombineNoBeforeInconclusiveBeforeYes() {
    List<Answer> order = new ArrayList<>(List.of(YES, INCONCLUSIVE, NO));
    for (Answer a : order) {
      for (Answer b : order) {
        Answer expected = order.get(Math.max(order.indexOf(a), order.indexOf(b)));
        assertThat(a.and(b)).as(a + " and " + b).isEqualTo(expected);
      }
    }
    assertThat(Answer.parse("true")).isEqualTo(YES);
    assertThat(Answer.parse("false")).isEqualTo(NO);
    assertThat(Answer.parse("inconclusive")).isEqualTo(INCONCLUSIVE);
  }

  @Test
  void levelsReadTheirVerdictAndOnlyYesMeetsOne() {
    ServiceVerdict.Verdict v = new ServiceVerdict.Verdict(YES, INCONCLUSIVE, NO, YES);
    assertThat(Level.parse("rolling").metBy(v)).isEqualTo(YES);
    assertThat(Level.parse("zero-downtime").metBy(v)).isEqualTo(INCONCLUSIVE);
    assertThat(Level.parse("ZERO_IMPACT")).isEqualTo(Level.ZERO_IMPACT);
    assertThat(Level.ZERO_IMPACT.metBy(v)).isEqualTo(NO);
  }

  @Test
  void inconclusiveVerdictsAreJUnitErrorsNotPasses() {
    ServiceVerdict v = new ServiceVerdict(new ServiceVerdict.Release("zed", "zed"),
        new ServiceVerdict.Verdict(YES, INCONCLUSIVE, NO, YES), List.of("zero_downtime: inconclusive: the recorder lost 3 record(s)",
        "zero_impact: NOT met: it requires zero_downtime"));
    List<Outcome> cases = VerdictCases.of("image", v);
    assertThat(cases).extracting(Outcome::status).containsExactly(Outcome.Status.PASSED, Outcome.Status.ERROR, Outcome.Status.FAILED,
        Outcome.Status.PASSED);
    assertThat(cases.get(1).message()).isEqualTo("image: zero_downtime: inconclusive: the recorder lost 3 record(s)");
  }
}
