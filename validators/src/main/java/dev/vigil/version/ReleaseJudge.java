package dev.vigil.version;

import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Judges readings against an expected release. A service is judged on its own evidence only:
 * during an upgrade services run different releases (Placement is often upgraded first), so
 * Nova's answer must not decide Placement's. The combined evidence gets its own cloud-wide outcome,
 * and is quoted in the message of a service whose own answer is ambiguous.
 */
public final class ReleaseJudge {

  static final String CHECK = ReleaseVersionCheck.NAME;

  private ReleaseJudge() {}

  /** The fixed test name of a phase's per-service outcome: {@code release before}. */
  public static String test(Phase phase) {
    return "release (" + phase.name().toLowerCase(Locale.ROOT) + ")";
  }

  /** The fixed test name of a phase's cloud-wide outcome. */
  public static String cloudTest(Phase phase) {
    return "cloud release (" + phase.name().toLowerCase(Locale.ROOT) + ")";
  }

  /** What the readable services allow together; empty when they disagree (a mixed cloud). */
  public static Candidates combined(List<ReleaseReading> readings) {
    Candidates all = Candidates.any();
    for (ReleaseReading r : readings) {
      if (r.readable()) {
        all = all.intersect(r.candidates());
      }
    }
    return all;
  }

  /** One outcome per service and one for the cloud; {@code expected} may be null. */
  public static List<Outcome> judge(Phase phase, List<ReleaseReading> readings, Release expected) {
    Candidates cloud = combined(readings);
    List<Outcome> outcomes = new ArrayList<>();
    for (ReleaseReading r : readings) {
      outcomes.add(service(phase, r, expected, cloud));
    }
    outcomes.add(cloud(phase, readings, expected, cloud));
    return outcomes;
  }

  private static Outcome service(Phase phase, ReleaseReading r, Release expected, Candidates cloud) {
    String test = test(phase);
    List<String> evidence = r.evidence();
    if (!r.readable()) {
      return Outcome.failed(CHECK, test, r.service(), r.service() + ": cannot tell its release: " + r.basis(), evidence);
    }
    Candidates own = r.candidates();
    String others = cloud.isSingle() && !own.isSingle() ? "; the services together point to " + cloud.describe() : "";
    if (expected == null) {
      if (own.isSingle()) {
        return Outcome.passed(CHECK, test, r.service(), own.describe() + " (" + r.basis() + ")", evidence);
      }
      return skipped(test, r.service(), r.service() + " alone is ambiguous: " + own.describe() + " (" + r.basis() + ")" + others, evidence);
    }
    if (!own.contains(expected)) {
      return Outcome.failed(CHECK, test, r.service(),
          r.service() + ": expected " + expected.id() + ", detected " + own.describe() + " (" + r.basis()
              + (r.installed() ? "" : expectedValue(r, expected)) + ")",
          evidence);
    }
    if (own.isSingle()) {
      return Outcome.passed(CHECK, test, r.service(), expected.id() + " as expected (" + r.basis() + ")", evidence);
    }
    String against = cloud.isSingle() && !cloud.contains(expected) ? others + ", not " + expected.id() : others;
    return skipped(test, r.service(),
        r.service() + ": cannot confirm " + expected.id() + ": its answer is ambiguous: " + own.describe() + " (" + r.basis() + ")" + against,
        evidence);
  }

  private static String expectedValue(ReleaseReading r, Release expected) {
    return ReleaseTable.marker(r.service())
        .map(m -> "; " + expected.id() + " announces " + String.join(" or ", m.values(expected).stream().sorted(DottedVersion.ORDER).toList()))
        .orElse("");
  }

  private static Outcome cloud(Phase phase, List<ReleaseReading> readings, Release expected, Candidates cloud) {
    String test = cloudTest(phase);
    List<String> evidence = readings.stream()
        .map(r -> r.service() + ": " + (r.readable() ? r.candidates().describe() + " (" + r.basis() + ")" : "unreadable (" + r.error() + ")"))
        .toList();
    if (readings.stream().noneMatch(ReleaseReading::readable)) {
      return Outcome.failed(CHECK, test, null, "no service's version document could be read", evidence);
    }
    if (cloud.isEmpty()) {
      String mixed = "the services run different releases: " + readings.stream().filter(ReleaseReading::readable)
          .map(r -> r.service() + " " + r.candidates().describe()).collect(Collectors.joining("; "));
      return expected == null
          ? skipped(test, null, mixed, evidence)
          : Outcome.failed(CHECK, test, null, "expected " + expected.id() + " everywhere, but " + mixed, evidence);
    }
    if (expected == null) {
      return cloud.isSingle()
          ? Outcome.passed(CHECK, test, null, cloud.describe() + " (all services' evidence combined)", evidence)
          : skipped(test, null, "ambiguous even combined: " + cloud.describe(), evidence);
    }
    if (!cloud.contains(expected)) {
      return Outcome.failed(CHECK, test, null, "expected " + expected.id() + ", the services together point to " + cloud.describe(), evidence);
    }
    return cloud.isSingle()
        ? Outcome.passed(CHECK, test, null, expected.id() + " as expected (all services' evidence combined)", evidence)
        : skipped(test, null, "cannot confirm " + expected.id() + ": even combined the services allow " + cloud.describe(), evidence);
  }

  /**
   * Per service, whether the release after the upgrade is the same as or newer than before: FAILED
   * only when every release allowed after is older than every release allowed before.
   */
  public static List<Outcome> notOlder(List<ReleaseReading> before, List<ReleaseReading> after) {
    Map<String, ReleaseReading> earlier = before.stream().collect(Collectors.toMap(ReleaseReading::service, Function.identity(), (a, b) -> a));
    List<Outcome> outcomes = new ArrayList<>();
    String test = "same or newer after";
    for (ReleaseReading a : after) {
      ReleaseReading b = earlier.get(a.service());
      if (b == null || !b.readable() || !a.readable()) {
        outcomes.add(Outcome.skipped(CHECK, test, a.service(), a.service() + ": no readable version document in both phases"));
        continue;
      }
      List<String> evidence = List.of("before: " + b.basis(), "after: " + a.basis());
      String change = a.service() + ": " + b.candidates().describe() + " → " + a.candidates().describe();
      if (a.candidates().latest() < b.candidates().earliest()) {
        outcomes.add(Outcome.failed(CHECK, test, a.service(), change + ": older after the upgrade", evidence));
      } else if (a.candidates().earliest() >= b.candidates().latest()) {
        outcomes.add(Outcome.passed(CHECK, test, a.service(), change, evidence));
      } else {
        outcomes.add(skipped(test, a.service(), change + ": ambiguous, cannot tell whether it went forward", evidence));
      }
    }
    return outcomes;
  }

  private static Outcome skipped(String test, String service, String message, List<String> evidence) {
    return new Outcome(CHECK, test, service, Outcome.Status.SKIPPED, message, evidence);
  }
}
