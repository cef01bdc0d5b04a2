package dev.vigil.run;

import dev.vigil.lifecycle.Outcome;
import dev.vigil.result.ServiceVerdict;
import java.util.List;

/** One JUnit case per service and verdict, with the reasons of that verdict as evidence. */
final class VerdictCases {

  private VerdictCases() {}

  static List<Outcome> of(String service, ServiceVerdict v) {
    return List.of(
        one(service, "rolling", v.verdict().rolling(), v.reasons()),
        one(service, "zero_downtime", v.verdict().zeroDowntime(), v.reasons()),
        one(service, "zero_impact", v.verdict().zeroImpact(), v.reasons()),
        one(service, "accessible", v.verdict().accessible(), v.reasons()));
  }

  /** Yes passes, no fails, inconclusive is an error: CI must not read missing evidence as a pass. */
  private static Outcome one(String service, String verdict, ServiceVerdict.Answer answer, List<String> reasons) {
    List<String> own = reasons.stream().filter(r -> r.startsWith(verdict + ":")).toList();
    return switch (answer) {
      case YES -> Outcome.passed(UpgradeRun.VERDICT_CHECK, verdict, service, service + " meets " + verdict, own);
      case NO -> Outcome.failed(UpgradeRun.VERDICT_CHECK, verdict, service, service + ": " + first(own, verdict, "NOT met"), own);
      case INCONCLUSIVE -> Outcome.error(UpgradeRun.VERDICT_CHECK, verdict, service, service + ": " + first(own, verdict, "inconclusive"), own);
    };
  }

  private static String first(List<String> own, String verdict, String status) {
    return own.stream().filter(r -> r.startsWith(verdict + ": " + status)).findFirst().orElse(verdict + ": " + status);
  }
}
