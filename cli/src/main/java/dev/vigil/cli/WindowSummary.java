package dev.vigil.cli;

import dev.vigil.simulations.RunFolder;
import dev.vigil.run.Terminal;
import dev.vigil.requestlogs.LogLimits;
import dev.vigil.requestlogs.LogSource;
import dev.vigil.requestlogs.RequestLogs;
import dev.vigil.result.ResultAnalyzer;
import dev.vigil.result.ResultWriter;
import dev.vigil.result.WindowResult;
import dev.vigil.simulations.WindowPlan;
import dev.vigil.simulations.WindowRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Turns a finished window's run folder into a short table for the terminal and result.json. */
final class WindowSummary {

  private WindowSummary() {}

  static WindowResult writeAndPrint(RunFolder run, String cloud, LogSource logs, Terminal terminal) {
    WindowResult result = new RequestLogs(logs, LogLimits.defaults()).explain(new ResultAnalyzer().analyze(run.dir(), run.runId(), cloud), run.dir());
    terminal.out().printf("window %s – %s (%.1f s), %d requests recorded%s%n",
        result.window().start(), result.window().end(), result.window().seconds(), result.recording().records(),
        result.recording().lost() > 0 ? ", " + result.recording().lost() + " LOST by the recorder" : "");
    terminal.out().printf("%-14s %9s %8s %10s %10s %8s %8s %8s%n", "SERVICE", "REQUESTS", "FAILED", "DOWNTIME", "LONGEST", "p50 ms", "p95 ms", "p99 ms");
    for (Map.Entry<String, WindowResult.ServiceResult> e : result.services().entrySet()) {
      WindowResult.ServiceResult s = e.getValue();
      terminal.out().printf("%-14s %9d %8d %9.2fs %9.2fs %8s %8s %8s%n", e.getKey(), s.requests(), s.failures(), s.downtimeSeconds(),
          s.longestOutageSeconds(), text(s.latencyMs().p50()), text(s.latencyMs().p95()), text(s.latencyMs().p99()));
      for (WindowResult.OutageEntry o : s.outages()) {
        terminal.out().printf("  outage %s – %s  %.2f s (edges within %d / %d ms)%s%n", o.start(), o.end(), o.seconds(),
            o.startUncertaintyMs(), o.endUncertaintyMs(), o.ongoing() ? " (ongoing at the end)" : "");
        if (o.why() != null) {
          long logged = o.why().requests().stream().filter(r -> Boolean.TRUE.equals(r.found())).count();
          terminal.out().printf("    %d failed requests, %d without a request id (never reached the service), %d found in its logs%n",
              o.why().failedRequests(), o.why().withoutRequestId(), logged);
        }
      }
    }
    terminal.out().flush();
    // after the table: when the disk is full, the figures are on the terminal before the error says so
    Path file = ResultWriter.write(result, run.dir());
    terminal.out().println("result: " + file);
    WindowRunner.report(run.dir()).ifPresent(r -> terminal.out().println("gatling report: " + r.resolve("index.html")));
    terminal.out().flush();
    return result;
  }

  /**
   * {@link ExitCode#OK}, or {@link ExitCode.INCONCLUSIVE} with one line naming the services the
   * window recorded no request for: a service with nothing recorded is not "up", it is unknown.
   */
  static int requireEvidence(WindowResult result, List<WindowPlan.Target> targets, RunFolder run, Terminal terminal) {
    List<String> silent = targets.stream()
        .map(WindowPlan.Target::serviceType)
        .filter(t -> result.services().get(t) == null || result.services().get(t).requests() == 0)
        .toList();
    if (silent.isEmpty()) {
      return ExitCode.OK;
    }
    terminal.err().println("vigil: no request was recorded for " + String.join(", ", silent) + ": the window measured nothing there,"
        + " so nothing is known; see " + run.dir().resolve(WindowRunner.CONSOLE_LOG) + " for why Gatling sent none");
    terminal.err().flush();
    return ExitCode.INCONCLUSIVE;
  }

  private static String text(Long value) {
    return value == null ? "-" : value.toString();
  }
}
