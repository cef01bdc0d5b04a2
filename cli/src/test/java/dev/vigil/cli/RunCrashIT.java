package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that end before their time. Ctrl-C ends one cleanly: the driver's command is terminated, the
 * window closes, the clean-up runs and what was measured is written. A run that dies by SIGKILL in
 * the middle of its window (no shutdown hook, no clean-up: a crash or an OOM kill), together with
 * its Gatling child, leaves persistent resources and in-flight flow resources in the lab; {@code
 * vigil sweep} finds them by the run's id and leaves nothing.
 */
class RunCrashIT {

  @TempDir Path dir;

  @Test
  void sweepRemovesEverythingARunKilledDuringItsWindowLeft() throws Exception {
    Path out = dir.resolve("killed");
    VigilProcess run = VigilProcess.start(dir, "run", "--cloud", "lab", "--services", "image", "--driver", "command",
        "--upgrade-cmd", "sleep 300", "--before", "5s", "--after", "5s", "--out", out.toString());
    run.awaitOutput("vigil: phase during", 240);
    String runId = runId(run.output());
    // Let the image flows get resources in flight, then kill the CLI and every process it started.
    awaitFlowsStarted(out, 60);
    List<ProcessHandle> family = ProcessHandle.of(run.pid()).orElseThrow().descendants().toList();
    assertThat(family).as("the Gatling window's JVM").anyMatch(p -> p.info().commandLine().orElse("").contains("java"));
    new ProcessBuilder("kill", "-KILL", Long.toString(run.pid())).start().waitFor();
    family.forEach(ProcessHandle::destroyForcibly);
    assertThat(run.waitFor(30)).isEqualTo(137);
    assertThat(out.resolve("result.json")).doesNotExist();
    assertThat(Files.readString(out.resolve("persistent-resources.json"))).contains(runId);

    CommandRun sweep = CommandRun.run(Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString()), dir, "sweep", "--cloud", "lab",
        "--run-id", runId, "--from", out.toString());
    assertThat(sweep.exitCode()).as(sweep.out() + sweep.err()).isEqualTo(ExitCode.OK);
    // the persistent resources created before the window (a server among them) were left, and removed
    assertThat(sweep.out()).contains("removed server " + runId).contains("removed network " + runId);

    assertThat(LabLeftovers.of(runId, List.of("image"))).as("flow resources left after the sweep").isEmpty();
    CommandRun again = CommandRun.run(Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString()), dir, "sweep", "--cloud", "lab",
        "--run-id", runId, "--from", out.toString(), "--dry-run");
    assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(ExitCode.OK);
    assertThat(again.out()).endsWith("nothing to remove\n");
  }

  @Test
  void ctrlCDuringTheUpgradeStopsTheDriverCleansUpAndWritesWhatWasMeasured() throws Exception {
    Path out = dir.resolve("interrupted");
    VigilProcess run = VigilProcess.start(dir, "run", "--cloud", "lab", "--services", "image", "--driver", "command",
        "--upgrade-cmd", "echo upgrading; sleep 300", "--before", "5s", "--after", "5s", "--out", out.toString());
    run.awaitOutput("vigil: phase during", 240);
    String runId = runId(run.output());
    awaitFlowsStarted(out, 60);
    run.interrupt(); // SIGINT, as Ctrl-C in the terminal
    assertThat(run.waitFor(300)).as(run.output()).isEqualTo(ExitCode.INTERRUPTED);

    assertThat(run.output()).contains("vigil: stopping: the run ends cleanly").contains("INTERRUPTED: ");
    var result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("result.json").toFile());
    assertThat(result.path("run").path("interrupted").asBoolean()).isTrue();
    assertThat(result.path("run").path("passed").asBoolean()).isFalse();
    assertThat(result.path("services").path("image").path("requests").asLong()).as("what was measured is kept").isGreaterThan(50);
    assertThat(Files.readString(out.resolve("driver.log"))).contains(" upgrading\n").contains("stopped by Ctrl-C or SIGTERM");
    assertThat(out.resolve("report.html")).isRegularFile();
    assertThat(Files.readString(out.resolve("persistent-resources.json"))).contains("\"cleanup\"");
    // the driver's command (its own process group) is gone, and so is everything the run created
    assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse("")))
        .noneMatch(c -> c.contains("echo upgrading; sleep 300"));
    assertThat(LabLeftovers.of(runId, List.of("image"))).as("flow resources left after Ctrl-C").isEmpty();
    CommandRun sweep = CommandRun.run(Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString()), dir, "sweep", "--cloud", "lab",
        "--run-id", runId, "--from", out.toString(), "--dry-run");
    assertThat(sweep.out()).as(sweep.err()).endsWith("nothing to remove\n");
  }

  private static String runId(String output) {
    Matcher m = Pattern.compile("vigil: run (\\S+) on cloud").matcher(output);
    assertThat(m.find()).as(output).isTrue();
    return m.group(1);
  }

  /** Waits until flows.tsv or records.tsv shows an image flow's create request. */
  private static void awaitFlowsStarted(Path out, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!Files.exists(out.resolve("records.tsv")) || !Files.readString(out.resolve("records.tsv")).contains("\tcreate-image\t")) {
      assertThat(System.nanoTime()).as("no image flow started in " + seconds + " s").isLessThan(deadline);
      Thread.sleep(200);
    }
  }
}
