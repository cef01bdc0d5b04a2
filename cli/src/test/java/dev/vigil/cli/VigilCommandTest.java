package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: help, exit codes, and one-line errors without stack traces. */
class VigilCommandTest {

  @TempDir Path dir;

  @Test
  void helpListsDiscoverAndTheExitCodes() {
    CommandRun run = CommandRun.run(Map.of(), dir, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("discover").contains("Exit codes").contains("could not run");
  }

  @Test
  void versionNamesVigilItsCommitGatlingAndJava() {
    CommandRun run = CommandRun.run(Map.of(), dir, "--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().toList()).hasSize(4);
    assertThat(run.out()).containsPattern("(?m)^vigil \\d+\\.\\d+\\.\\d+").containsPattern("(?m)^commit [0-9a-f]{7,}$")
        .contains("Gatling 3.15.1").contains("Java " + Runtime.version());
  }

  @Test
  void everyCommandHasItsOwnHelp() {
    for (String[] command : new String[][] {
        {"discover"}, {"watch"}, {"validate"}, {"validate", "version"}, {"validate", "health"}, {"validate", "resources"}, {"sweep"},
        {"report"}, {"compare"}}) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      CommandRun run = CommandRun.run(Map.of(), dir, args);
      assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
      assertThat(run.out()).as(String.join(" ", args)).contains("Usage: vigil " + String.join(" ", command));
    }
  }

  @Test
  void unknownCloudNamesTheCloudsFoundAndTheFileRead() throws Exception {
    Path clouds = dir.resolve("clouds.yaml");
    Files.writeString(clouds, "clouds:\n  alpha:\n    auth:\n      auth_url: http://127.0.0.1:1/v3\n      username: u\n      password: p\n");
    CommandRun run = CommandRun.run(Map.of(), dir, "discover", "--cloud", "nope");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err().strip()).startsWith("vigil: ").contains("nope").contains("alpha").contains(clouds.toString());
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void unreachableKeystoneIsOneLineNamingTheUrl() throws Exception {
    Files.writeString(dir.resolve("clouds.yaml"),
        "clouds:\n  dead:\n    auth:\n      auth_url: http://127.0.0.1:9/v3\n      username: u\n      password: hunter2\n      project_name: p\n      user_domain_name: Default\n      project_domain_name: Default\n");
    CommandRun run = CommandRun.run(Map.of(), dir, "discover", "--cloud", "dead", "--patience", "1");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err()).contains("cannot reach http://127.0.0.1:9/v3/auth/tokens").doesNotContain("hunter2").doesNotContain("\tat ");
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void badOptionIsAUsageErrorWithExitCode2() {
    CommandRun run = CommandRun.run(Map.of(), dir, "discover", "--format", "xml");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err()).contains("--format").contains("vigil discover --help");
  }
}
