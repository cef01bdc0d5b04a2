package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vigil validate health: input errors are one line and exit 2. */
class ValidateHealthCommandTest {

  @TempDir Path dir;

  @Test
  void healthHasNoAllowAdmin() {
    CommandRun run = CommandRun.run(Map.of(), dir, "validate", "health", "--allow-admin");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err()).contains("Unknown option: '--allow-admin'");
  }

  @Test
  void badTempestTimeoutIsOneLine() {
    CommandRun run = CommandRun.run(Map.of(), dir, "validate", "health", "--tempest-timeout", "soon");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("soon");
  }

  @Test
  void helpNamesTempest() {
    CommandRun run = CommandRun.run(Map.of(), dir, "validate", "health", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--tempest-workspace").contains("--phase");
  }
}
