package dev.vigil.cli;

import dev.vigil.run.Terminal;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil report} and {@code vigil compare} on real lab runs (the reports module's fixtures). */
class ReportCommandsTest {

  @TempDir Path dir;

  /** A copy of a run folder kept in the reports module's test resources. */
  private Path fixture(String name) {
    Path source = Path.of("../reports/src/test/resources/runs", name);
    Path target = dir.resolve(name);
    try (Stream<Path> files = Files.list(source)) {
      Files.createDirectories(target);
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void reportWritesThePageIntoTheFolder() throws Exception {
    Path run = fixture("naive-identity");
    CommandRun r = CommandRun.run(Map.of(), dir, "report", "naive-identity");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo("report: " + run.resolve("report.html"));
    assertThat(Files.readString(run.resolve("report.html"))).contains("PASSED: every service meets rolling");
  }

  @Test
  void reportOfAMissingFolderIsOneLineAndExit2() {
    CommandRun r = CommandRun.run(Map.of(), dir, "report", "nope");
    assertThat(r.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(r.err().strip()).startsWith("vigil: No run folder at " + dir.resolve("nope")).doesNotContain("\tat ");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void comparePrintsTheTableAndWritesThePage() throws Exception {
    fixture("rolling-identity");
    fixture("naive-identity");
    CommandRun r = CommandRun.run(Map.of(), dir, "compare", "rolling-identity", "naive-identity");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("A: vigil-20261125-164724-28c6 (vigil run, cloud lab")
        .contains("SERVICE").contains("VERDICT A → B")
        .containsPattern("identity +0\\.00s → 7\\.00s +0\\.00s → 6\\.98s +0 → 139 ")
        .contains("zero-downtime → rolling")
        .contains("compare: " + dir.resolve("compare.html"));
    assertThat(Files.readString(dir.resolve("compare.html"))).contains("<td class=\"worse\">rolling</td>");

    CommandRun elsewhere = CommandRun.run(Map.of(), dir, "compare", "rolling-identity", "naive-identity", "--out", "x/c.html");
    assertThat(elsewhere.exitCode()).as(elsewhere.err()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(elsewhere.err().strip()).contains("Cannot write " + dir.resolve("x/c.html")).contains("check the folder exists");
    Files.createDirectories(dir.resolve("x"));
    assertThat(CommandRun.run(Map.of(), dir, "compare", "rolling-identity", "naive-identity", "--out", "x/c.html").exitCode()).isZero();
    assertThat(dir.resolve("x/c.html")).isRegularFile();
  }

  @Test
  void compareFailsOnRegressionOnlyWhenAskedAndOnlyWhenBIsWorse() throws Exception {
    fixture("rolling-identity");
    fixture("naive-identity");
    CommandRun worse = CommandRun.run(Map.of(), dir, "compare", "rolling-identity", "naive-identity");
    assertThat(worse.out()).contains("regression: identity: verdict zero-downtime → rolling")
        .contains("regression: identity: downtime during the upgrade 0.00 s → 6.98 s");
    assertThat(Files.readString(dir.resolve("compare.html"))).contains("data-regressions=\"2\"")
        .contains("<li>identity: verdict zero-downtime → rolling</li>");
    CommandRun failing = CommandRun.run(Map.of(), dir, "compare", "rolling-identity", "naive-identity", "--fail-on-regression");
    assertThat(failing.exitCode()).as(failing.out()).isEqualTo(ExitCode.FAILED);
    CommandRun better = CommandRun.run(Map.of(), dir, "compare", "naive-identity", "rolling-identity", "--fail-on-regression");
    assertThat(better.exitCode()).as(better.out()).isZero();
    assertThat(better.out()).contains("regressions: none (B is no worse than A)");
  }

  @Test
  void compareJudgesWithTheThresholdsOfVigilYaml() throws Exception {
    fixture("rolling-identity");
    fixture("naive-identity");
    Files.writeString(dir.resolve("vigil.yaml"), "thresholds:\n  stall_multiple: 0.5\n");
    CommandRun bad = CommandRun.run(Map.of(), dir, "compare", "rolling-identity", "naive-identity");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(bad.err().strip()).isEqualTo("vigil: " + dir.resolve("vigil.yaml") + ":2: thresholds.stall_multiple must be between 1 and 1000, not 0.5");
    Files.writeString(dir.resolve("vigil.yaml"), "thresholds:\n  significance: 0.05\n");
    CommandRun good = CommandRun.run(Map.of(), dir, "compare", "rolling-identity", "naive-identity");
    assertThat(good.exitCode()).as(good.err()).isZero();
    assertThat(good.out()).contains("one-sided Mann–Whitney below p = 0.05");
  }

  @Test
  void compareRefusesBadInputInOneLine() {
    fixture("rolling-identity");
    CommandRun missing = CommandRun.run(Map.of(), dir, "compare", "rolling-identity", "nope");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(missing.err().strip()).startsWith("vigil: No run folder at " + dir.resolve("nope"));
    assertThat(missing.err().strip().lines()).hasSize(1);
    CommandRun significance = CommandRun.run(Map.of(), dir, "compare", "rolling-identity", "rolling-identity", "--significance", "5");
    assertThat(significance.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(significance.err().strip()).isEqualTo("vigil: --significance 5: give a p-value between 0 and 1, e.g. 0.01");
  }

  @Test
  void aReportThatCannotBeWrittenAfterAWindowIsOneWarningAndNoFailure() throws Exception {
    Path run = fixture("naive-identity");
    // A folder in the report's place: the page cannot be written, result.json stays as it was.
    Files.createDirectories(run.resolve("report.html"));
    byte[] result = Files.readAllBytes(run.resolve("result.json"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    dev.vigil.run.ReportAfterWindow.write(run, new Terminal(new PrintWriter(out, true), new PrintWriter(err, true)));
    assertThat(err.toString().strip()).startsWith("vigil: warning: report.html not written (Cannot write " + run.resolve("report.html"))
        .endsWith("result.json is intact; try again with 'vigil report " + run + "'");
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(Files.readAllBytes(run.resolve("result.json"))).isEqualTo(result);
  }
}
