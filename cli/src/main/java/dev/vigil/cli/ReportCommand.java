package dev.vigil.cli;

import dev.vigil.report.Report;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    header = "Write (again) DIR/report.html, a run's one-page report.",
    description = {
      "Write (again) DIR/report.html: one self-contained page with the verdict, a timeline",
      "of phases, outages and driver steps, latency over time, flows and validators.",
      "'vigil run' and 'vigil watch' write it themselves. See docs/reports.md."
    })
final class ReportCommand implements Callable<Integer> {

  @ParentCommand Vigil vigil;

  @Parameters(index = "0", paramLabel = "DIR", description = "A run folder (--out of vigil run or vigil watch).")
  Path dir;

  @Override
  public Integer call() {
    Path file = Report.write(vigil.environment().workingDir().resolve(dir));
    vigil.terminal().out().println("report: " + file);
    vigil.terminal().out().flush();
    return ExitCode.OK;
  }

}
