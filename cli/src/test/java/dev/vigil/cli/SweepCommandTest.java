package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.Lab;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input errors of sweep and validate resources, found before any cloud is contacted. */
class SweepCommandTest {

  @Test
  void aRunIdThatIsNotOneIsRefusedBeforeAnythingIsSwept(@TempDir Path dir) {
    CommandRun run = SweepCommandLine.run(Map.of(), dir, "sweep", "--run-id", "vigil-*");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err().strip()).isEqualTo("vigil: \"vigil-*\" is not a Vigil run id (like vigil-20261125-134501-a3f9): copy it from the run folder's name");
  }

  @Test
  void afterWithoutARunFolderSaysWhichFolderItNeeds(@TempDir Path dir) {
    CommandRun run =
        SweepCommandLine.run(Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString()), dir, "validate", "resources", "--cloud", "lab", "--phase",
            "after");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err()).contains("--phase after needs --out DIR");
  }

  @Test
  void afterInAFolderWithoutResourcesSaysToRunBeforeFirst(@TempDir Path dir) {
    CommandRun run =
        SweepCommandLine.run(Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString()), dir, "validate", "resources", "--cloud", "lab", "--phase",
            "cleanup", "--out", "empty");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err().strip()).isEqualTo("vigil: no persistent-resources.json in " + dir.resolve("empty")
        + ": run vigil validate resources --phase before --out " + dir.resolve("empty") + " first");
  }

  @Test
  void anUnknownPhaseIsAParameterError(@TempDir Path dir) {
    CommandRun run = SweepCommandLine.run(Map.of(), dir, "validate", "resources", "--phase", "during");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err()).contains("--phase").contains("during");
  }
}
