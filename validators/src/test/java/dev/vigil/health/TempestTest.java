package dev.vigil.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import dev.vigil.lifecycle.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process plumbing, with a stand-in {@code tempest} script that prints a recorded console. */
class TempestTest {

  @TempDir Path dir;

  private Path fakeTempest(String body) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path script = bin.resolve("tempest");
    Files.writeString(script, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  private Path workspace() throws IOException {
    Path ws = Files.createDirectories(dir.resolve("ws").resolve("etc"));
    Files.writeString(ws.resolve("tempest.conf"), "[DEFAULT]\n");
    return ws.getParent();
  }

  @Test
  void findsTempestOnThePath() throws IOException {
    Path script = fakeTempest("exit 0\n");
    assertThat(Tempest.find("/nonexistent:" + script.getParent())).contains(script);
  }

  @Test
  void notInstalledIsSkippedWithHowToInstall() {
    Outcome o = TempestOutcomes.of(new SystemHealthCheck.TempestSetup(null, null, Duration.ofMinutes(1)), null, "tempest smoke passes (before)");
    assertThat(o.status()).isEqualTo(Outcome.Status.SKIPPED);
    assertThat(o.message()).startsWith("tempest is not installed: apt-get install python3-tempest");
  }

  @Test
  void installedWithoutWorkspaceIsSkipped() throws IOException {
    Outcome o = TempestOutcomes.of(new SystemHealthCheck.TempestSetup(fakeTempest(""), null, Duration.ofMinutes(1)), null, "t");
    assertThat(o.status()).isEqualTo(Outcome.Status.SKIPPED);
    assertThat(o.message()).contains("--tempest-workspace DIR");
  }

  @Test
  void aWorkspaceWithoutTempestConfIsBadInput() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> Tempest.checkWorkspace(empty))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("has no etc/tempest.conf")
        .hasMessageContaining("tempest init " + empty);
    assertThatThrownBy(() -> Tempest.checkWorkspace(dir.resolve("missing"))).hasMessageContaining("does not exist");
  }

  @Test
  void runsInTheWorkspaceStreamsAndReportsFailuresByName() throws IOException {
    Path fixture = dir.resolve("console.txt");
    Files.write(fixture, TempestSummaryTest.fixture());
    Path ws = workspace();
    // the script checks its arguments and working directory as tempest would see them
    Path script = fakeTempest("[ \"$*\" = 'run --smoke --concurrency 2' ] || { echo bad args: $*; exit 9; }\n"
        + "[ -f etc/tempest.conf ] || { echo not in workspace; exit 8; }\ncat " + fixture + "\nexit 1\n");
    SystemHealthCheck.TempestSetup setup = new SystemHealthCheck.TempestSetup(script, ws, Duration.ofMinutes(1));
    List<String> progress = new ArrayList<>();
    Tempest.TempestRun run = new Tempest(script, ws, Duration.ofMinutes(1)).run(dir.resolve("tempest.log"), progress::add);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(Files.readAllLines(dir.resolve("tempest.log"))).contains("Ran: 92 tests in 230.2796 sec.");
    assertThat(progress).anyMatch(l -> l.startsWith("tempest: {0} tempest.api.identity.admin.v3.test_credentials"));
    Outcome o = TempestOutcomes.of(setup, run, "tempest smoke passes (before)");
    assertThat(o.failed()).isTrue();
    assertThat(o.message()).isEqualTo("tempest smoke: 76 passed, 15 skipped, 1 failed of 92: "
        + "tempest.api.identity.admin.v3.test_credentials.CredentialsTestJSON.test_credentials_create_get_update_delete");
    assertThat(o.evidence()).anyMatch(e -> e.startsWith("failed: tempest.api.identity.admin.v3.test_credentials"));
  }

  @Test
  void aCrashWithoutTotalsFailsPointingAtTheLog() throws IOException {
    Path script = fakeTempest("echo 'Traceback (most recent call last):'\nexit 2\n");
    Path ws = workspace();
    Tempest.TempestRun run = new Tempest(script, ws, Duration.ofMinutes(1)).run(dir.resolve("t.log"), l -> {});
    Outcome o = TempestOutcomes.of(new SystemHealthCheck.TempestSetup(script, ws, Duration.ofMinutes(1)), run, "t");
    assertThat(o.failed()).isTrue();
    assertThat(o.message()).startsWith("tempest ended (exit code 2) without its Totals summary; see ");
  }

  @Test
  void aRunThatHangsIsStopped() throws IOException {
    Path script = fakeTempest("sleep 30\n");
    Path ws = workspace();
    Tempest.TempestRun run = new Tempest(script, ws, Duration.ofMillis(500)).run(dir.resolve("t.log"), l -> {});
    assertThat(run.timedOut()).isTrue();
    assertThat(TempestOutcomes.of(new SystemHealthCheck.TempestSetup(script, ws, Duration.ofMillis(500)), run, "t").failed()).isTrue();
  }
}
