package dev.vigil.simulations;

import dev.vigil.report.Report;
import dev.vigil.result.ResultAnalyzer;
import dev.vigil.result.ResultWriter;
import dev.vigil.result.WindowResult;

/**
 * What {@code vigil watch} does after a window, for a window run alone by Gatling: result.json and
 * report.html. At the JVM's exit, so after Gatling has written its own report (report.html links
 * it), and also when the window is cut short by Ctrl-C.
 */
final class StandaloneFinish {

  private StandaloneFinish() {}

  static void onExit(WindowPlan plan) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> finish(plan), "vigil-finish"));
  }

  static void finish(WindowPlan plan) {
    try {
      WindowResult result = new ResultAnalyzer().analyze(plan.runDir(), plan.runId(), plan.cloud());
      LiveStatus.say("result: " + ResultWriter.write(result, plan.runDir()));
      LiveStatus.say("report: " + Report.write(plan.runDir()));
    } catch (RuntimeException e) {
      LiveStatus.say("the run folder " + plan.runDir() + " keeps every request, but result.json or report.html was not written (" + e.getMessage()
          + "); write them with 'vigil report " + plan.runDir() + "'");
    }
  }
}
