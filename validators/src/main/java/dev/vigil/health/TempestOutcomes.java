package dev.vigil.health;

import dev.vigil.lifecycle.Outcome;
import java.util.ArrayList;
import java.util.List;

/** The one Tempest outcome of a phase: SKIPPED when Tempest cannot run here, never FAILED for that. */
final class TempestOutcomes {

  private TempestOutcomes() {}

  static Outcome of(SystemHealthCheck.TempestSetup setup, Tempest.TempestRun run, String test) {
    String check = SystemHealthCheck.NAME;
    if (setup.binary() == null) {
      return Outcome.skipped(check, test, null, "tempest is not installed: " + Tempest.HOW_TO);
    }
    if (setup.workspace() == null) {
      return Outcome.skipped(check, test, null, "tempest is installed (" + setup.binary() + ") but no workspace was given: "
          + "pass --tempest-workspace DIR (a tempest init workspace with etc/tempest.conf; see docs/validators.md)");
    }
    if (run == null) {
      return Outcome.skipped(check, test, null, "tempest did not run in this phase");
    }
    TempestSummary s = run.summary();
    List<String> evidence = new ArrayList<>();
    evidence.add("tempest run --smoke --concurrency 2 in " + setup.workspace() + ": exit code " + run.exitCode() + " after "
        + run.took().toSeconds() + " s; console in " + run.log());
    if (s.complete()) {
      evidence.add(s.describe() + " (expected fail " + s.expectedFail() + ", unexpected success " + s.unexpectedSuccess() + ")");
    }
    s.failedTests().forEach(t -> evidence.add("failed: " + t));
    if (run.timedOut()) {
      return Outcome.failed(check, test, null, "tempest ran longer than " + setup.timeout().toSeconds() + " s and was stopped; see " + run.log(), evidence);
    }
    if (!s.complete()) {
      return Outcome.failed(check, test, null, "tempest ended (exit code " + run.exitCode() + ") without its Totals summary; see " + run.log(), evidence);
    }
    if (s.ran() == 0) {
      return Outcome.failed(check, test, null, "tempest ran no test (exit code " + run.exitCode() + "): check the workspace's tempest.conf; see " + run.log(), evidence);
    }
    if (s.passedAll()) {
      return Outcome.passed(check, test, null, s.describe(), evidence);
    }
    String names = String.join(", ", s.failedTests().stream().limit(5).toList()) + (s.failedTests().size() > 5 ? ", …" : "");
    return Outcome.failed(check, test, null, "tempest smoke: " + s.describe() + (names.isEmpty() ? "" : ": " + names), evidence);
  }
}
