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

  private static Outcome one(String service, String verdict, boolean met, List<String> reasons) {
    List<String> own = reasons.stream().filter(r -> r.startsWith(verdict + ":")).toList();
    String first = own.stream().filter(r -> r.contains("NOT met")).findFirst().orElse(verdict + ": met");
    return met
        ? Outcome.passed(UpgradeRun.VERDICT_CHECK, verdict, service, service + " meets " + verdict, own)
        : Outcome.failed(UpgradeRun.VERDICT_CHECK, verdict, service, service + ": " + first, own);
  }
}
