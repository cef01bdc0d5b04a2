package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vigil run: bad input is one line and exit 2, before any cloud is contacted or anything is created. */
class RunCommandTest {

  @TempDir Path dir;

  private CommandRun run(String... args) {
    return CommandRun.run(Map.of(), dir, args);
  }

  private void refused(CommandRun run, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err().strip()).isEqualTo("vigil: " + message);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void anUnknownDriverNamesTheKnownOnes() {
    refused(run("run", "--cloud", "lab", "--driver", "puppet", "--out", "out"),
        "unknown driver \"puppet\": use --driver command (with --upgrade-cmd), openstack-ansible, kolla-ansible or external");
  }

  @Test
  void theCommandDriverNeedsACommand() {
    refused(run("run", "--cloud", "lab", "--driver", "command", "--out", "out"),
        "--driver command needs --upgrade-cmd 'CMD': the shell command that performs the upgrade");
  }

  @Test
  void theExternalDriverRefusesCommandOptions() {
    refused(run("run", "--cloud", "lab", "--driver", "external", "--upgrade-cmd", "true", "--out", "out"),
        "--upgrade-cmd does not go with --driver external (you drive, and 'vigil mark DIR during|after|done' sets the phases): drop it, or use --driver command");
    refused(run("run", "--cloud", "lab", "--driver", "external", "--before", "10s", "--out", "out"),
        "--before does not go with --driver external (you drive, and 'vigil mark DIR during|after|done' sets the phases): drop it, or use --driver command");
  }

  @Test
  void anUnknownReleaseListsTheValidNames() {
    CommandRun r = run("run", "--cloud", "lab", "--driver", "command", "--upgrade-cmd", "true", "--expect-before", "2023.3", "--out", "out");
    assertThat(r.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(r.err().strip()).startsWith("vigil: --expect-before: unknown release \"2023.3\": use one of zed, 2023.1 (antelope)");
  }

  @Test
  void expectingAnOlderReleaseAfterIsAContradiction() {
    refused(run("run", "--cloud", "lab", "--driver", "command", "--upgrade-cmd", "true", "--expect-before", "2024.1", "--expect-after", "zed", "--out", "out"),
        "--expect-after zed is older than --expect-before 2024.1: an upgrade goes forward; swap them");
  }

  @Test
  void badDurationsAndLevelsAreOneLine() {
    refused(run("run", "--cloud", "lab", "--driver", "command", "--upgrade-cmd", "true", "--driver-timeout", "soon", "--out", "out"),
        "--driver-timeout soon: " + durationError("soon") + " (e.g. 90s, 10m)");
    refused(run("run", "--cloud", "lab", "--driver", "command", "--upgrade-cmd", "true", "--after", "0s", "--out", "out"),
        "--after 0s: it must be more than 0 s (e.g. 90s, 10m)");
    refused(run("run", "--cloud", "lab", "--driver", "command", "--upgrade-cmd", "true", "--require", "perfect", "--out", "out"),
        "--require perfect: use rolling, zero-downtime or zero-impact");
  }

  @Test
  void theDriverIsRequired() {
    CommandRun r = run("run", "--cloud", "lab");
    assertThat(r.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(r.err()).contains("Missing required option: '--driver=command|openstack-ansible|kolla-ansible|external'").contains("vigil run --help");
  }

  @Test
  void markNeedsARunFolderAndAKnownMark() throws Exception {
    CommandRun notARun = run("mark", dir.toString(), "during");
    assertThat(notARun.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(notARun.err()).contains("is not the folder of a vigil run (no run.json)");
    Files.writeString(dir.resolve("run.json"), "{}");
    CommandRun unknown = run("mark", dir.toString(), "start");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(unknown.err()).contains("unknown mark \"start\"");
    CommandRun ok = run("mark", dir.toString(), "during");
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).startsWith("mark during set at ");
    assertThat(dir.resolve("mark-during")).exists();
  }

  private static String durationError(String text) {
    try {
      dev.vigil.settings.Durations.parse(text);
      return "";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
