package dev.vigil.result;

import java.util.Map;

/**
 * What {@code vigil run} writes into {@code result.json}: the window's figures, unchanged (so a
 * reader of {@code vigil watch}'s result reads a run's too), plus a verdict per service and how
 * the upgrade driver did.
 *
 * @param window the window's figures, as {@link ResultAnalyzer} computes them
 * @param verdicts per service type
 * @param run how the run went: driver, its exit, the level required and whether it was met
 */
public record RunResult(WindowResult window, Map<String, ServiceVerdict> verdicts, RunSummary run) {

  public RunResult {
    verdicts = Map.copyOf(verdicts);
  }

  /**
   * @param driver {@code command} or {@code external}
   * @param driverExitCode the upgrade command's exit code; null for external or when it never ended
   * @param driverSeconds how long the driver's step (the during phase) took
   * @param driverError why the driver's step failed (timeout, exit code, cannot start), or null
   * @param require the level every service had to meet: rolling, zero-downtime or zero-impact
   * @param passed every service met it (yes) and the driver succeeded
   * @param interrupted the run was stopped by Ctrl-C or SIGTERM before its end
   * @param inconclusive no service failed the required level, but the evidence of at least one
   *     was missing or incomplete: not passed, not failed either
   */
  public record RunSummary(
      String driver,
      Integer driverExitCode,
      double driverSeconds,
      String driverError,
      String require,
      boolean passed,
      boolean interrupted,
      boolean inconclusive) {}
}
