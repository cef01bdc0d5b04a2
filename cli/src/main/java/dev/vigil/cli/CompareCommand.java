package dev.vigil.cli;

import dev.vigil.VigilException;
import dev.vigil.compare.CompareHtml;
import dev.vigil.compare.CompareText;
import dev.vigil.compare.Comparer;
import dev.vigil.compare.Trend;
import dev.vigil.performance.ImpactCriteria;
import dev.vigil.report.Report;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    header = "Compare run folders, e.g. the same upgrade on release N and N+1, or a series of releases.",
    description = {
      "Compare run folders given in release order, oldest first (e.g. the same upgrade on release",
      "N and N+1, or on N-1, N and N+1): per service, downtime, failed requests, latency p50/p95 and",
      "whether a run is slower than the one before it by the zero-impact test, and the verdict;",
      "then Gatling's own statistics of every run (requests, KO %, percentiles per request name),",
      "read from each run's simulation.log. Prints the tables and the regressions (where a run is",
      "worse than the one before it), and writes compare.html with links to every report. See",
      "docs/reports.md."
    })
final class CompareCommand implements Callable<Integer> {

  @ParentCommand Vigil vigil;

  @Mixin SettingsOption settingsOption;

  @Parameters(arity = "2..*", paramLabel = "DIR",
      description = "Run folders in release order, oldest first: the first is the reference, each later one is compared with the one before it.")
  List<Path> dirs;

  @Option(names = "--out", paramLabel = "FILE", description = "Where the HTML page goes (default: compare.html in the current folder).")
  Path out;

  @Option(names = "--significance", paramLabel = "P",
      description = "A latency change counts when its one-sided p-value is below P (default: thresholds.significance, 0.01); the floors and the stall rule are thresholds.* of vigil.yaml.")
  String significance;

  @Option(names = "--fail-on-regression",
      description = "Exit 1 when a run is worse than the one before it for a service: a lower verdict, more downtime (beyond 0.1 s), or a kind of request slower by the zero-impact test.")
  boolean failOnRegression;

  @Override
  public Integer call() {
    Path cwd = vigil.environment().workingDir();
    // the floors and the stall rule of vigil run's zero-impact verdict (thresholds: in vigil.yaml)
    ImpactCriteria t = settingsOption.load(vigil.environment(), Map.of()).thresholds().impact();
    ImpactCriteria criteria = new ImpactCriteria(significance == null ? t.significance() : significance(), t.floorMs(), t.relativeFloor(),
        t.stallMultiple(), t.stallShare(), t.minSamples());
    Trend trend = new Comparer(criteria).trend(dirs.stream().map(cwd::resolve).toList());
    Path target = cwd.resolve(out == null ? Path.of("compare.html") : out);
    Path written = Report.writeAtomically(target, CompareHtml.render(trend, target));
    vigil.terminal().out().print(CompareText.render(trend));
    List<String> regressions = trend.regressions();
    if (regressions.isEmpty()) {
      vigil.terminal().out().println(dirs.size() == 2 ? "regressions: none (B is no worse than A)"
          : "regressions: none (no run is worse than the one before it)");
    }
    regressions.forEach(r -> vigil.terminal().out().println("regression: " + r));
    vigil.terminal().out().println("compare: " + written);
    vigil.terminal().out().flush();
    return failOnRegression && !regressions.isEmpty() ? ExitCode.FAILED : ExitCode.OK;
  }

  private double significance() {
    if (significance == null) {
      return Comparer.DEFAULT_SIGNIFICANCE;
    }
    try {
      double p = Double.parseDouble(significance.strip());
      if (p > 0 && p < 1) {
        return p;
      }
    } catch (NumberFormatException ignored) {
      // Said below.
    }
    throw new VigilException("--significance " + significance + ": give a p-value between 0 and 1, e.g. 0.01");
  }
}
