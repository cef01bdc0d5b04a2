package dev.vigil.run;

import dev.vigil.lifecycle.Outcome;
import dev.vigil.performance.ImpactTest;
import dev.vigil.performance.Slowdown;
import dev.vigil.result.ServiceVerdict;
import dev.vigil.result.WindowResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges one service against the criteria of the former TC upgrade tags (docs/run.md quotes them),
 * from measured evidence only. Each rule adds one reason, prefixed with the verdict it decides and
 * saying {@code ok} or {@code NOT met}, so a reader sees why a verdict holds, not only that it does.
 */
public final class VerdictJudge {

  private VerdictJudge() {}

  public static ServiceVerdict judge(Evidence e, Evidence.Thresholds t) {
    List<String> reasons = new ArrayList<>();

    boolean release = rule(reasons, "rolling", e.release().asExpected(), "release " + e.release().before() + " → " + e.release().after() + ": " + e.release().why());
    boolean healthBefore = health(reasons, e, "before");
    boolean healthAfter = health(reasons, e, "after");
    boolean intact = resources(reasons, e, "rolling", "persistent resources intact");
    boolean rolling = release && healthBefore && healthAfter && intact;

    boolean noOutage = noOutage(reasons, e, t);
    boolean noLost = rule(reasons, "zero_downtime", e.lostFlowsDuring() == 0,
        e.lostFlowsDuring() == 0 ? "no availability flow lost during the upgrade" : e.lostFlowsDuring() + " availability flow(s) accepted during the upgrade were never processed (LOST)");
    boolean zeroDowntime = rolling && noOutage && noLost;
    if (!rolling) {
      reasons.add("zero_downtime: NOT met: it requires rolling");
    }

    boolean latency = latency(reasons, e, t);
    boolean throughput = throughput(reasons, e, t);
    boolean zeroImpact = zeroDowntime && latency && throughput;
    if (!zeroDowntime) {
      reasons.add("zero_impact: NOT met: it requires zero_downtime");
    }

    boolean reachable = resources(reasons, e, "accessible", "persistent resources reachable before and after the window");
    boolean accessible = dataPlane(reasons, e, t) && reachable;
    return new ServiceVerdict(new ServiceVerdict.Release(e.release().before(), e.release().after()),
        new ServiceVerdict.Verdict(rolling, zeroDowntime, zeroImpact, accessible), reasons);
  }

  private static boolean rule(List<String> reasons, String verdict, boolean ok, String text) {
    reasons.add(verdict + ": " + (ok ? "ok: " : "NOT met: ") + text);
    return ok;
  }

  private static boolean health(List<String> reasons, Evidence e, String phase) {
    String suffix = "(" + phase + ")";
    List<Outcome> at = e.health().stream().filter(o -> o.test().endsWith(suffix) || "runs".equals(o.test())).toList();
    List<Outcome> failed = at.stream().filter(Outcome::failed).toList();
    boolean measured = at.stream().anyMatch(o -> o.status() == Outcome.Status.PASSED && e.service().equals(o.service()));
    if (!failed.isEmpty()) {
      return rule(reasons, "rolling", false, "health " + phase + ": " + failed.get(0).message());
    }
    if (!measured) {
      return rule(reasons, "rolling", false, "health " + phase + ": not measured for " + e.service());
    }
    return rule(reasons, "rolling", true, "health " + phase + ": " + at.stream().filter(o -> o.status() == Outcome.Status.PASSED).count() + " check(s) passed");
  }

  /** Failures of this service's own resources or of the whole validator count; other services' resources do not. */
  private static boolean resources(List<String> reasons, Evidence e, String verdict, String what) {
    if (e.resources().isEmpty()) {
      return rule(reasons, verdict, false, "persistent resources were not checked");
    }
    List<Outcome> relevant = e.resources().stream().filter(o -> o.service() == null || e.service().equals(o.service())).toList();
    List<Outcome> failed = relevant.stream().filter(Outcome::failed).toList();
    if (!failed.isEmpty()) {
      return rule(reasons, verdict, false, "persistent resources: " + failed.size() + " check(s) failed, first: " + failed.get(0).test() + ": " + failed.get(0).message());
    }
    // outcomes of creation are named "<resource> created"; anything else comes from the verification after
    if (e.resources().stream().allMatch(o -> o.test().endsWith(" created"))) {
      return rule(reasons, verdict, false, "persistent resources were created but not verified after the upgrade");
    }
    long own = relevant.stream().filter(o -> e.service().equals(o.service())).count();
    long passed = e.resources().stream().filter(o -> o.status() == Outcome.Status.PASSED).count();
    return rule(reasons, verdict, true, what + ": " + passed + " of " + e.resources().size() + " check(s) passed"
        + (own == 0 ? " (" + e.service() + " has no resource of its own among them)" : ", none of the " + own + " about " + e.service() + "'s own resources failed"));
  }

  /** The data-plane workloads (--data-plane) stayed reachable through the whole window. */
  private static boolean dataPlane(List<String> reasons, Evidence e, Evidence.Thresholds t) {
    if (e.dataPlane().isEmpty()) {
      reasons.add("accessible: ok: no data-plane target was probed during the window (--data-plane adds workloads to watch)");
      return true;
    }
    boolean ok = true;
    for (Evidence.DataPlane d : e.dataPlane()) {
      boolean up = d.requests() > 0 && d.downtimeSeconds() <= t.maxDowntimeSeconds();
      ok &= rule(reasons, "accessible", up, d.requests() == 0 ? "data plane " + d.target() + ": never probed"
          : String.format(Locale.ROOT, "data plane %s: %.2f s down in the window (%d probes, %d failed)", d.target(), d.downtimeSeconds(),
              d.requests(), d.failures()));
    }
    return ok;
  }

  private static boolean noOutage(List<String> reasons, Evidence e, Evidence.Thresholds t) {
    if (e.during() == null || e.during().requests() == 0) {
      return rule(reasons, "zero_downtime", false, "no request was measured during the upgrade");
    }
    double downtime = e.during().downtimeSeconds();
    if (downtime > t.maxDowntimeSeconds()) {
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%.2f s of API outage during the upgrade (failed uptime probes)", downtime));
      for (WindowResult.OutageEntry o : e.duringOutages()) {
        s.append(String.format(Locale.ROOT, "; outage %s – %s (%.2f s)", o.start(), o.end(), o.seconds()));
      }
      return rule(reasons, "zero_downtime", false, s.toString());
    }
    return rule(reasons, "zero_downtime", true, String.format(Locale.ROOT, "no API outage during the upgrade (%d requests, %d failed, %.2f s downtime)",
        e.during().requests(), e.during().failures(), downtime));
  }

  /**
   * The zero-impact latency rule, per kind of request (each probe request and connection, flow step,
   * load request), during against before, by {@link ImpactTest}: a kind is slower when its median
   * rose significantly (one-sided) and beyond both floors, or when it shows intermittent stalls. One
   * reason per slower kind, with its figures. A kind seen during the upgrade with too few requests
   * to judge makes the rule inconclusive, hence not met: missing evidence is never a yes.
   */
  private static boolean latency(List<String> reasons, Evidence e, Evidence.Thresholds t) {
    List<Slowdown> kinds = ImpactTest.judgeAll(e.latencies().before(), e.latencies().during(), t.impact());
    List<Slowdown> judged = kinds.stream().filter(k -> k.outcome() != Slowdown.Outcome.TOO_FEW).toList();
    List<Slowdown> tooFew = kinds.stream().filter(k -> k.outcome() == Slowdown.Outcome.TOO_FEW).toList();
    if (judged.isEmpty()) {
      return rule(reasons, "zero_impact", false, "latency: no kind of request had enough successful requests before and during the upgrade to compare"
          + (tooFew.isEmpty() ? "" : " (" + counts(tooFew) + ")"));
    }
    boolean ok = true;
    for (Slowdown k : judged) {
      if (k.slower()) {
        ok = rule(reasons, "zero_impact", false, "latency: " + k.describe());
      }
    }
    if (!tooFew.isEmpty()) {
      ok = rule(reasons, "zero_impact", false, "latency not judged for " + counts(tooFew) + ": fewer than " + t.impact().minSamples()
          + " successful requests in a phase; lengthen the before phase and the upgrade window, or raise the rate");
    }
    if (ok) {
      Slowdown closest = judged.stream().min(java.util.Comparator.comparingDouble(Slowdown::pValue)).orElseThrow();
      rule(reasons, "zero_impact", true, String.format(Locale.ROOT, "latency: no kind of request slower during the upgrade (%d kind%s judged; the closest: %s)",
          judged.size(), judged.size() == 1 ? "" : "s", closest.describe()));
    }
    return ok;
  }

  private static String counts(List<Slowdown> kinds) {
    return String.join(", ", kinds.stream().map(k -> k.kind() + " " + k.baseline().n() + " → " + k.other().n()).toList());
  }

  /**
   * Requests per second of the service's traffic (probes, flows, load) answered successfully, during
   * vs before. Successful ones only: the probes arrive at a fixed rate whatever the cloud does, so
   * the cloud's throughput is what it answers, not what it is sent.
   */
  private static boolean throughput(List<String> reasons, Evidence e, Evidence.Thresholds t) {
    if (e.before() == null || e.during() == null || e.beforeSeconds() <= 0 || e.duringSeconds() <= 0) {
      return rule(reasons, "zero_impact", false, "throughput: no baseline and during-phase figures to compare");
    }
    double before = (e.before().requests() - e.before().failures()) / e.beforeSeconds();
    double during = (e.during().requests() - e.during().failures()) / e.duringSeconds();
    boolean lower = during < before * (1 - t.tolerance());
    return rule(reasons, "zero_impact", !lower, String.format(Locale.ROOT, "throughput %.1f → %.1f successful requests/s%s", before, during,
        lower ? ": lower beyond the tolerance" : ""));
  }
}
