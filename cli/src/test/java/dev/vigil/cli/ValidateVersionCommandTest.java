package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vigil validate version: input errors are one line and exit 2, before any cloud is contacted. */
class ValidateVersionCommandTest {

  @TempDir Path dir;

  @Test
  void unknownExpectedReleaseListsTheValidNames() {
    CommandRun run = CommandRun.run(Map.of(), dir, "validate", "version", "--cloud", "lab", "--expect-release", "2023.3");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err().strip()).isEqualTo("vigil: unknown release \"2023.3\": use one of zed, 2023.1 (antelope), 2023.2 (bobcat),"
        + " 2024.1 (caracal), 2024.2 (dalmatian), 2025.1 (epoxy), 2025.2 (flamingo), 2026.1 (gazpacho)");
  }

  @Test
  void unknownPhaseIsOneLine() {
    CommandRun run = CommandRun.run(Map.of(), dir, "validate", "version", "--phase", "during");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err().strip()).isEqualTo("vigil: --phase during: use before or after");
  }

  @Test
  void validateAloneAsksForAValidator() {
    CommandRun run = CommandRun.run(Map.of(), dir, "validate");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err()).contains("name a validator: version or health");
  }

  @Test
  void helpListsTheOptions() {
    CommandRun run = CommandRun.run(Map.of(), dir, "validate", "version", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--expect-release").contains("--allow-admin").contains("--phase").contains("--out");
  }
}
