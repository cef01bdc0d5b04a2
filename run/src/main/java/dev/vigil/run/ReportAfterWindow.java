package dev.vigil.run;

import dev.vigil.report.Report;
import java.nio.file.Path;

/** report.html at the end of a run or window. */
public final class ReportAfterWindow {

  private ReportAfterWindow() {}

  /**
   * Writes the report at the end of a run or window. The results are already on disk, so a failure
   * here only costs the page: one warning, and the command's outcome stands.
   */
  public static void write(Path runDir, Terminal terminal) {
    try {
      terminal.out().println("report: " + Report.write(runDir));
      terminal.out().flush();
    } catch (RuntimeException e) {
      boolean resultKept = java.nio.file.Files.isRegularFile(runDir.resolve(dev.vigil.result.ResultWriter.FILE_NAME));
      terminal.warn("report.html not written (" + e.getMessage() + ")" + (resultKept ? "; result.json is intact" : "")
          + "; try again with 'vigil report " + runDir + "'");
    }
  }
}
