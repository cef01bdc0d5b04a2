package dev.vigil.run;

import dev.vigil.lifecycle.Outcome;
import dev.vigil.performance.ImpactTest;
import dev.vigil.performance.Slowdown;
import dev.vigil.recording.FlowRecord;
import dev.vigil.result.ServiceVerdict;
import dev.vigil.result.ServiceVerdict.Answer;
import dev.vigil.result.WindowResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Judges one service against the criteria of the former TC upgrade tags (docs/run.md quotes them),
 * from measured evidence only. Each rule adds one reason, prefixed with the verdict it decides and
 * saying {@code ok}, {@code NOT met} or {@code inconclusive}, so a reader sees why a verdict holds,
 * not only that it does.
 *
 * <p>What is judged: the upgrade's whole effect, from the start of {@code during} to the end of the
 * window ({@code after} catches what the upgrade leaves behind). Every answer is yes, no or
 * inconclusive: measured trouble says no; missing, partial or blind evidence with no trouble
 * measured says inconclusive, never yes.
 */
public final class VerdictJudge {

  /** Failed requests named one by one in a reason; the rest are counted. */
  static final int NAMED = 3;

  private VerdictJudge() {}

  public static ServiceVerdict judge(Evidence e, Evidence.Thresholds t) {
    List<String> reasons = new ArrayList<>();

    Answer release = rule(reasons, "rolling", e.release().answer(), "release " + e.release().before() + " → " + e.release().after() + ": "
        + e.release().why());
    Answer healthBefore = health(reasons, e, "before");
    Answer healthAfter = health(reasons, e, "after");
    Answer intact = resources(reasons, e, "rolling", "persistent resources intact");
    Answer rolling = release.and(healthBefore).and(healthAfter).and(intact);

    baselineHealth(reasons, e);
    Answer evidence = completeness(reasons, e);
    Answer noOutage = noOutage(reasons, e, t);
    Answer noFailure = noFailedRequest(reasons, e);
    Answer noBrokenFlow = noBrokenFlow(reasons, e);
    Answer zeroDowntime = requires(reasons, "zero_downtime", "rolling", rolling, noOutage.and(noFailure).and(noBrokenFlow).and(evidence));

    Answer baseline = rule(reasons, "zero_impact", baselineOutages(e).isEmpty() ? Answer.YES : Answer.INCONCLUSIVE,
        baselineOutages(e).isEmpty() ? "the baseline (before) had no outage" : "the baseline (before) was not healthy, so no phase is compared with it");
    Answer latency = Answer.YES;
    Answer throughput = Answer.YES;
    for (Evidence.Stretch s : e.upgrade()) {
      latency = latency.and(latency(reasons, e, s, t));
      throughput = throughput.and(throughput(reasons, e, s, t));
    }
    if (e.upgrade().isEmpty()) {
      latency = rule(reasons, "zero_impact", Answer.INCONCLUSIVE, "latency: no during or after phase to compare with the baseline");
    }
    Answer load = rule(reasons, "zero_impact", e.loadRequests() > 0 ? Answer.YES : Answer.INCONCLUSIVE, e.loadRequests() > 0
        ? e.loadRequests() + " load request(s) applied during the window"
        : "not judged: no load was applied (zero-impact is about behaviour under load; add --load R)");
    Answer zeroImpact = requires(reasons, "zero_impact", "zero_downtime", zeroDowntime, latency.and(throughput).and(baseline).and(load));

    Answer reachable = resources(reasons, e, "accessible", "persistent resources reachable before and after the window");
    Answer accessible = dataPlane(reasons, e, t).and(reachable);
    return new ServiceVerdict(new ServiceVerdict.Release(e.release().before(), e.release().after()),
        new ServiceVerdict.Verdict(rolling, zeroDowntime, zeroImpact, accessible), reasons);
  }

  private static Answer rule(List<String> reasons, String verdict, Answer answer, String text) {
    reasons.add(verdict + ": " + switch (answer) {
      case YES -> "ok: ";
      case NO -> "NOT met: ";
      case INCONCLUSIVE -> "inconclusive: ";
    } + text);
    return answer;
  }

  /** A level is never better than the one it rests on; its own evidence can make it worse. */
  private static Answer requires(List<String> reasons, String verdict, String prerequisite, Answer before, Answer own) {
    if (before == Answer.NO) {
      reasons.add(verdict + ": NOT met: it requires " + prerequisite);
    } else if (before == Answer.INCONCLUSIVE && own != Answer.NO) {
      reasons.add(verdict + ": inconclusive: it requires " + prerequisite + ", which is inconclusive");
    }
    return before.and(own);
  }

  private static Answer health(List<String> reasons, Evidence e, String phase) {
    String suffix = "(" + phase + ")";
    List<Outcome> at = e.health().stream().filter(o -> o.test().endsWith(suffix) || "runs".equals(o.test())).toList();
    List<Outcome> failed = at.stream().filter(Outcome::failed).toList();
    boolean measured = at.stream().anyMatch(o -> o.status() == Outcome.Status.PASSED && e.service().equals(o.service()));
    if (!failed.isEmpty()) {
      return rule(reasons, "rolling", Answer.NO, "health " + phase + ": " + failed.get(0).message());
    }
    if (!measured) {
      return rule(reasons, "rolling", Answer.INCONCLUSIVE, "health " + phase + ": not measured for " + e.service());
    }
    return rule(reasons, "rolling", Answer.YES, "health " + phase + ": " + at.stream().filter(o -> o.status() == Outcome.Status.PASSED).count()
        + " check(s) passed");
  }

  /** Failures of this service's own resources or of the whole validator count; other services' resources do not. */
  private static Answer resources(List<String> reasons, Evidence e, String verdict, String what) {
    if (e.resources().isEmpty()) {
      return rule(reasons, verdict, Answer.INCONCLUSIVE, "persistent resources were not checked");
    }
    List<Outcome> relevant = e.resources().stream().filter(o -> o.service() == null || e.service().equals(o.service())).toList();
    List<Outcome> failed = relevant.stream().filter(Outcome::failed).toList();
    if (!failed.isEmpty()) {
      return rule(reasons, verdict, Answer.NO, "persistent resources: " + failed.size() + " check(s) failed, first: " + failed.get(0).test() + ": "
          + failed.get(0).message());
    }
    // outcomes of creation are named "<resource> created"; anything else comes from the verification after
    if (e.resources().stream().allMatch(o -> o.test().endsWith(" created"))) {
      return rule(reasons, verdict, Answer.INCONCLUSIVE, "persistent resources were created but not verified after the upgrade");
    }
    long own = relevant.stream().filter(o -> e.service().equals(o.service())).count();
    long passed = e.resources().stream().filter(o -> o.status() == Outcome.Status.PASSED).count();
    return rule(reasons, verdict, Answer.YES, what + ": " + passed + " of " + e.resources().size() + " check(s) passed"
        + (own == 0 ? " (" + e.service() + " has no resource of its own among them)" : ", none of the " + own + " about " + e.service()
        + "'s own resources failed"));
  }

  /** The data-plane workloads (--data-plane) stayed reachable through the whole window. */
  private static Answer dataPlane(List<String> reasons, Evidence e, Evidence.Thresholds t) {
    if (e.dataPlane().isEmpty()) {
      reasons.add("accessible: ok: no data-plane target was probed during the window (--data-plane adds workloads to watch)");
      return Answer.YES;
    }
    Answer all = Answer.YES;
    for (Evidence.DataPlane d : e.dataPlane()) {
      Answer up = d.requests() == 0 ? Answer.INCONCLUSIVE : Answer.of(d.downtimeSeconds() <= t.maxDowntimeSeconds());
      all = all.and(rule(reasons, "accessible", up, d.requests() == 0 ? "data plane " + d.target() + ": never probed"
          : String.format(Locale.ROOT, "data plane %s: %.2f s down in the window (%d probes, %d failed)", d.target(), d.downtimeSeconds(),
              d.requests(), d.failures())));
    }
    return all;
  }

  private static List<WindowResult.OutageEntry> baselineOutages(Evidence e) {
    return e.before() == null ? List.of() : e.before().outages();
  }

  /** An outage before the upgrade is no fault of it, but it says the baseline was not healthy. */
  private static void baselineHealth(List<String> reasons, Evidence e) {
    if (!baselineOutages(e).isEmpty()) {
      reasons.add("zero_downtime: note: the baseline was not healthy: " + describe(baselineOutages(e)) + " before the upgrade began");
    }
  }

  /**
   * Whether the window saw everything it judges: probes recorded, no blind stretch in the judged
   * phases, no record lost, nothing cut, the injector alive to the end.
   */
  private static Answer completeness(List<String> reasons, Evidence e) {
    Evidence.Completeness c = e.completeness();
    List<String> missing = new ArrayList<>();
    if (!c.measured()) {
      missing.add("the window recorded no request of " + e.service() + " (it never started, or the service was never probed)");
    } else if (c.coverage() == null) {
      missing.add("the probes' coverage is unknown");
    }
    if (e.upgrade().isEmpty()) {
      missing.add("no during or after phase was marked");
    }
    List<WindowResult.BlindInterval> blind = e.upgrade().stream().flatMap(s -> s.blind().stream()).distinct().toList();
    if (!blind.isEmpty()) {
      double seconds = blind.stream().mapToDouble(WindowResult.BlindInterval::seconds).sum();
      WindowResult.BlindInterval first = blind.get(0);
      missing.add(String.format(Locale.ROOT, "%d blind interval(s) in the judged phases (%.2f s in all, no probe started), first %s – %s on %s "
          + "connections: %s", blind.size(), seconds, first.start(), first.end(), first.connection(), first.cause()));
    }
    if (c.injectorDied()) {
      missing.add("the injector (Gatling JVM) died before closing the window"
          + (c.observersExitCode() == null ? "" : " (exit code " + c.observersExitCode() + ")"));
    }
    if (c.lostRecords() > 0) {
      missing.add("the recorder lost " + c.lostRecords() + " record(s)");
    }
    if (c.lateProbes() > 0) {
      missing.add(c.lateProbes() + " probe(s) arrived too late to place in the outage timeline");
    }
    if (!c.truncatedFiles().isEmpty()) {
      missing.add("run files cut short: " + String.join(", ", c.truncatedFiles()));
    }
    if (missing.isEmpty()) {
      WindowResult.Coverage cov = c.coverage();
      return rule(reasons, "zero_downtime", Answer.YES, String.format(Locale.ROOT,
          "evidence complete: %d of %d probes asked for recorded (%.1f %%)%s, no blind interval in the judged phases", cov.recorded(),
          cov.expected(), cov.fraction() * 100, cov.heldBack() > 0 ? ", " + cov.heldBack() + " held back by the in-flight cap" : ""));
    }
    return rule(reasons, "zero_downtime", Answer.INCONCLUSIVE, String.join("; ", missing));
  }

  private static Answer noOutage(List<String> reasons, Evidence e, Evidence.Thresholds t) {
    List<WindowResult.OutageEntry> outages = e.upgrade().stream().flatMap(s -> s.outages().stream()).distinct().toList();
    double downtime = e.upgrade().stream().filter(s -> s.figures() != null).mapToDouble(s -> s.figures().downtimeSeconds()).sum();
    long requests = e.upgrade().stream().filter(s -> s.figures() != null).mapToLong(s -> s.figures().requests()).sum();
    if (downtime > t.maxDowntimeSeconds()) {
      return rule(reasons, "zero_downtime", Answer.NO, String.format(Locale.ROOT, "%.2f s of API outage from the upgrade's start to the window's "
          + "end (failed uptime probes; %s)", downtime, byPhase(e)) + "; " + describe(outages));
    }
    if (requests == 0) {
      return rule(reasons, "zero_downtime", Answer.INCONCLUSIVE, "no request was measured from the upgrade's start to the window's end");
    }
    return rule(reasons, "zero_downtime", Answer.YES, String.format(Locale.ROOT,
        "no API outage from the upgrade's start to the window's end (%d requests, %.2f s downtime; %s)", requests, downtime, byPhase(e)));
  }

  private static String byPhase(Evidence e) {
    return e.upgrade().stream().map(s -> s.figures() == null ? s.phase() + " not measured"
        : String.format(Locale.ROOT, "%s %.2f s", s.phase(), s.figures().downtimeSeconds())).collect(Collectors.joining(", "));
  }

  private static String describe(List<WindowResult.OutageEntry> outages) {
    return outages.stream().map(o -> String.format(Locale.ROOT, "outage %s – %s (%.2f s)%s", o.start(), o.end(), o.seconds(), o.cause()))
        .collect(Collectors.joining("; "));
  }

  /**
   * Every request is evidence: a probe, a flow step or a load request that failed because of the
   * service ({@code ErrorKind.isServiceFailure}: 5xx, no connection, timeout, 401 for a valid
   * token, 408, 429) in a judged phase fails zero-downtime, whether or not it made an outage.
   */
  private static Answer noFailedRequest(List<String> reasons, Evidence e) {
    long count = e.upgrade().stream().filter(s -> s.figures() != null).mapToLong(s -> s.figures().serviceFailures()).sum();
    if (count == 0) {
      return rule(reasons, "zero_downtime", Answer.YES, "no request of any kind (probe, flow step, load) failed because of the service "
          + "from the upgrade's start to the window's end");
    }
    List<String> named = e.upgrade().stream().filter(s -> s.figures() != null)
        .flatMap(s -> s.figures().serviceFailureSamples().stream().map(f -> s.phase() + " " + describe(f))).limit(NAMED).toList();
    return rule(reasons, "zero_downtime", Answer.NO, count + " request(s) failed because of the service from the upgrade's start to the "
        + "window's end (" + e.upgrade().stream().filter(s -> s.figures() != null && s.figures().serviceFailures() > 0)
        .map(s -> s.figures().serviceFailures() + " " + s.phase()).collect(Collectors.joining(", ")) + "): " + String.join("; ", named)
        + (count > named.size() ? "; …" : ""));
  }

  private static String describe(WindowResult.FailedRequest f) {
    return f.traffic() + " " + f.request() + " (" + f.method() + ") at " + f.start() + ": " + (f.status() > 0 ? f.status() + " " : "")
        + f.error() + ", request id " + (f.requestId() != null ? f.requestId() : f.status() > 0 ? "none in the answer" : "none (no answer)");
  }

  /** FAILED flows fail zero-downtime as LOST ones do: an accepted request that was not processed. */
  private static Answer noBrokenFlow(List<String> reasons, Evidence e) {
    if (e.brokenFlows().isEmpty()) {
      return rule(reasons, "zero_downtime", Answer.YES, "no availability flow failed or was lost from the upgrade's start to the window's end");
    }
    List<String> named = e.brokenFlows().stream().limit(NAMED).map(VerdictJudge::describe).toList();
    return rule(reasons, "zero_downtime", Answer.NO, e.brokenFlows().size() + " availability flow(s) failed or were lost (accepted and never "
        + "processed): " + String.join("; ", named) + (e.brokenFlows().size() > NAMED ? "; …" : ""));
  }

  private static String describe(FlowRecord f) {
    return f.flow() + " " + f.outcome().name() + " at " + java.time.Instant.ofEpochMilli(f.endMs()) + ", request id "
        + (f.requestId() == null ? "none" : f.requestId()) + (f.detail().isBlank() ? "" : ": " + f.detail());
  }

  /**
   * The zero-impact latency rule for one judged phase, per kind of request (each probe request and
   * connection, flow step, load request) against the same kind before, by {@link ImpactTest}: a
   * kind is slower when its median rose significantly (one-sided) and beyond both floors, or when
   * it shows intermittent stalls; each slower kind is one reason with its figures, and says no. A
   * kind seen in the phase with too few requests to judge says inconclusive, as does a phase where
   * no kind could be judged: missing evidence is never a yes.
   */
  private static Answer latency(List<String> reasons, Evidence e, Evidence.Stretch s, Evidence.Thresholds t) {
    List<Slowdown> kinds = ImpactTest.judgeAll(e.latencies().of("before"), e.latencies().of(s.phase()), t.impact());
    List<Slowdown> judged = kinds.stream().filter(k -> k.outcome() != Slowdown.Outcome.TOO_FEW).toList();
    List<Slowdown> tooFew = kinds.stream().filter(k -> k.outcome() == Slowdown.Outcome.TOO_FEW).toList();
    if (judged.isEmpty()) {
      return rule(reasons, "zero_impact", Answer.INCONCLUSIVE, "latency " + s.phase() + ": no kind of request had enough successful requests"
          + " before and " + s.phase() + " to compare" + (tooFew.isEmpty() ? "" : " (" + counts(tooFew) + ")"));
    }
    Answer answer = Answer.YES;
    for (Slowdown k : judged) {
      if (k.slower()) {
        answer = answer.and(rule(reasons, "zero_impact", Answer.NO, "latency " + s.phase() + ": " + k.describe()));
      }
    }
    if (!tooFew.isEmpty()) {
      answer = answer.and(rule(reasons, "zero_impact", Answer.INCONCLUSIVE, "latency " + s.phase() + " not judged for " + counts(tooFew)
          + ": fewer than " + t.impact().minSamples() + " successful requests in a phase; lengthen the before phase and the upgrade"
          + " window, or raise the rate"));
    }
    if (answer == Answer.YES) {
      Slowdown closest = judged.stream().min(java.util.Comparator.comparingDouble(Slowdown::pValue)).orElseThrow();
      rule(reasons, "zero_impact", Answer.YES, String.format(Locale.ROOT, "latency %s: no kind of request slower than before (%d kind%s judged;"
          + " the closest: %s)", s.phase(), judged.size(), judged.size() == 1 ? "" : "s", closest.describe()));
    }
    return answer;
  }

  private static String counts(List<Slowdown> kinds) {
    return String.join(", ", kinds.stream().map(k -> k.kind() + " " + k.baseline().n() + " → " + k.other().n()).toList());
  }

  /**
   * Requests per second of the service's traffic (probes, flows, load) answered successfully, in
   * the phase vs before. Successful ones only: the probes arrive at a fixed rate whatever the cloud
   * does, so the cloud's throughput is what it answers, not what it is sent.
   */
  private static Answer throughput(List<String> reasons, Evidence e, Evidence.Stretch s, Evidence.Thresholds t) {
    if (e.before() == null || e.before().figures() == null || s.figures() == null || e.before().seconds() <= 0 || s.seconds() <= 0) {
      return rule(reasons, "zero_impact", Answer.INCONCLUSIVE, "throughput " + s.phase() + ": no baseline and " + s.phase()
          + "-phase figures to compare");
    }
    double before = (e.before().figures().requests() - e.before().figures().failures()) / e.before().seconds();
    double in = (s.figures().requests() - s.figures().failures()) / s.seconds();
    boolean lower = in < before * (1 - t.tolerance());
    return rule(reasons, "zero_impact", Answer.of(!lower), String.format(Locale.ROOT, "throughput %s vs before: %.1f → %.1f successful "
        + "requests/s%s", s.phase(), before, in, lower ? ": lower beyond the tolerance" : ""));
  }
}
