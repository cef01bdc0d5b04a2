package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil validate resources} before → after → cleanup, and {@code vigil sweep}, against the lab as user demo. */
class ValidateResourcesCommandIT {

  private final Map<String, String> env = Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString());

  @Test
  void beforeAfterCleanupThenSweepFindsNothing(@TempDir Path dir) throws Exception {
    CommandRun before = SweepCommandLine.run(env, dir, "validate", "resources", "--cloud", "lab", "--phase", "before", "--out", "run");
    assertThat(before.exitCode()).as(before.err()).isEqualTo(ExitCode.OK);
    assertThat(before.out()).contains("ok    server created: server vigil-").endsWith("before: passed (" + dir.resolve("run/persistent-resources.json") + ")\n");
    assertThat(before.err()).contains("waiting for ACTIVE");
    String json = Files.readString(dir.resolve("run/persistent-resources.json"));
    String runId = json.replaceAll("(?s).*\"run_id\" : \"(vigil-[0-9a-f-]+)\".*", "$1");
    try {
      afterCleanupSweep(dir, runId);
    } catch (Throwable failure) {
      SweepCommandLine.run(env, dir, "sweep", "--cloud", "lab", "--run-id", runId); // leave the shared lab clean
      throw failure;
    }
  }

  private void afterCleanupSweep(Path dir, String runId) {
    assertThat(dir.resolve("run/junit-persistent-resources-before.xml")).exists();

    CommandRun after = SweepCommandLine.run(env, dir, "validate", "resources", "--cloud", "lab", "--phase", "after", "--out", "run");
    assertThat(after.exitCode()).as(after.out() + after.err()).isEqualTo(ExitCode.OK);
    assertThat(after.out()).contains("ok    volume unchanged: volume " + runId + "-volume", "after: passed");

    CommandRun dry = SweepCommandLine.run(env, dir, "sweep", "--cloud", "lab", "--run-id", runId, "--dry-run");
    assertThat(dry.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(dry.out()).contains("found server " + runId + "-server", "(dry run)");

    CommandRun cleanup = SweepCommandLine.run(env, dir, "validate", "resources", "--cloud", "lab", "--phase", "cleanup", "--out", "run");
    assertThat(cleanup.exitCode()).as(cleanup.out() + cleanup.err()).isEqualTo(ExitCode.OK);
    assertThat(cleanup.out()).contains("ok    resources removed: 8 resources removed; nothing named " + runId + "* is left");

    CommandRun sweep = SweepCommandLine.run(env, dir, "sweep", "--cloud", "lab", "--run-id", runId, "--from", "run");
    assertThat(sweep.exitCode()).as(sweep.out() + sweep.err()).isEqualTo(ExitCode.OK);
    assertThat(sweep.out()).endsWith("nothing to remove: no leftovers\n");
  }

  @Test
  void sweepRefusesAnAdminCloud(@TempDir Path dir) {
    CommandRun run = SweepCommandLine.run(env, dir, "sweep", "--cloud", "lab-admin", "--dry-run");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err()).contains("with the admin role");
  }

  @Test
  void theRegisteredCommandsRunThroughVigil(@TempDir Path dir) {
    CommandRun sweep = CommandRun.run(env, dir, "sweep", "--cloud", "lab", "--run-id", "vigil-20000101-000000-0000");
    assertThat(sweep.exitCode()).as(sweep.err()).isEqualTo(ExitCode.OK);
    assertThat(sweep.out()).endsWith("nothing to remove: no leftovers\n");
    CommandRun help = CommandRun.run(env, dir, "validate", "resources", "--help");
    assertThat(help.out()).contains("--phase", "--flavor", "--volume-size");
  }
}
