package dev.vigil.upgradecheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.host.HostAccess;
import dev.vigil.host.HostLog;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.Phase;
import dev.vigil.lifecycle.RunContext;
import dev.vigil.settings.HostSettings;
import dev.vigil.settings.HostSettings.Kind;
import dev.vigil.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: each status tool a script in a temporary folder put first on PATH by the template, and the lab's own keystone-status. */
class UpgradeStatusCheckTest {

  @TempDir Path dir;

  private static final String TABLE = """
      cat <<'T'
      +-------------------------------------------+
      | Upgrade Check Results                     |
      +-------------------------------------------+
      | Check: Cells v2                           |
      | Result: Success                           |
      | Details: None                             |
      +-------------------------------------------+
      | Check: Older than N-1 computes            |
      | Result: %s                           |
      | Details: Current Nova version does not    |
      |   support computes older than Yoga.       |
      +-------------------------------------------+
      T
      exit %d""";

  /** A tool in the folder the template puts alone on PATH (with sh and the few commands the scripts use: not this machine's real status tools). */
  private void tool(String name, String body) throws IOException {
    Path p = dir.resolve("bin").resolve(name);
    Files.createDirectories(p.getParent());
    for (String cmd : List.of("sh", "ls", "head", "cat", "sleep")) {
      Path link = p.resolveSibling(cmd);
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, Path.of("/bin", cmd).toRealPath());
      }
    }
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private List<Outcome> run(HostSettings settings, List<String> services, Phase... phases) {
    UpgradeStatusCheck check = new UpgradeStatusCheck(HostAccess.of(settings), HostLog.in(dir));
    List<String> progress = new ArrayList<>();
    check.prepare(new RunContext("r1", dir, null, null, services, Settings.defaults(), progress::add));
    for (Phase p : phases) {
      check.start(p);
    }
    assertThat(progress).hasSize((int) services.stream().filter(s -> !s.equals("object-store")).count() * phases.length);
    return check.evaluate();
  }

  @Test
  void eachExitCodeIsItsOutcomeWithTheChecksOwnWords() throws IOException {
    tool("nova-status", TABLE.formatted("Warning", 1));
    tool("cinder-status", TABLE.formatted("Failure", 2));
    tool("keystone-status", "echo 'Traceback (most recent call last):' >&2; echo 'oslo_db.exception.DBConnectionError: (2003, refused)' >&2; exit 255");
    tool("neutron-status", "sleep 30");
    // glance-status is not there
    HostSettings settings = new HostSettings(Kind.TEMPLATE, "PATH=" + dir.resolve("bin") + " {args}", Map.of(), null, "docker",
        "lxc-attach", Duration.ofSeconds(2));
    List<Outcome> out = run(settings, List.of("compute", "block-storage", "identity", "network", "image", "object-store"), Phase.BEFORE);
    assertThat(out).extracting(Outcome::service).containsExactly("compute", "block-storage", "identity", "network", "image");
    assertThat(out.get(0).status()).isEqualTo(Outcome.Status.PASSED);
    assertThat(out.get(0).message()).isEqualTo("compute: localhost: warning (exit 1): Older than N-1 computes: Warning: Current Nova version does"
        + " not support computes older than Yoga.");
    assertThat(out.get(0).test()).isEqualTo("upgrade check (before)");
    assertThat(out.get(1).status()).isEqualTo(Outcome.Status.FAILED);
    assertThat(out.get(1).message()).startsWith("block-storage: localhost: failure (exit 2): Older than N-1 computes: Failure:");
    assertThat(out.get(2).status()).isEqualTo(Outcome.Status.ERROR);
    assertThat(out.get(2).message()).isEqualTo("identity: localhost: the check itself failed (exit 255): oslo_db.exception.DBConnectionError:"
        + " (2003, refused)");
    assertThat(out.get(3).status()).isEqualTo(Outcome.Status.ERROR);
    assertThat(out.get(3).message()).startsWith("network: localhost: timed out after ");
    assertThat(out.get(4).status()).isEqualTo(Outcome.Status.SKIPPED);
    assertThat(out.get(4).message()).isEqualTo("image: localhost: not installed (exit 127): glance-status is not installed here");
  }

  @Test
  void afterTheUpgradeThePendingOnlineMigrationsAreSaidNotReadAndWhy() throws IOException {
    tool("nova-status", TABLE.formatted("Success", 0));
    HostSettings settings = new HostSettings(Kind.TEMPLATE, "PATH=" + dir.resolve("bin") + " {args}", Map.of(), null, "docker",
        "lxc-attach", Duration.ofSeconds(10));
    List<Outcome> out = run(settings, List.of("compute"), Phase.BEFORE, Phase.AFTER);
    assertThat(out).extracting(Outcome::test).containsExactly("upgrade check (before)", "upgrade check (after)",
        "online data migrations pending (after)");
    assertThat(out.get(1).message()).isEqualTo("compute: localhost: success (exit 0)");
    assertThat(out.get(2).status()).isEqualTo(Outcome.Status.SKIPPED);
    assertThat(out.get(2).message()).startsWith("nova-manage db online_data_migrations counts the rows it migrates only by migrating them");
  }

  @Test
  void anUnreachableHostIsAnOutcomeAndTheOtherHostsAreStillChecked() throws IOException {
    tool("ssh", "case \"$1\" in ctl2) echo \"ssh: Could not resolve hostname ctl2: Name or service not known\" >&2; exit 255;; esac; "
        + "shift; PATH=" + dir.resolve("bin") + " exec sh -c \"$*\"");
    tool("placement-status", TABLE.formatted("Success", 0));
    HostSettings settings = new HostSettings(Kind.TEMPLATE, dir.resolve("bin/ssh") + " {host} {command}",
        Map.of("placement", List.of("ctl1", "ctl2")), null, "docker", "lxc-attach", Duration.ofSeconds(10));
    UpgradeStatusCheck check = new UpgradeStatusCheck(HostAccess.of(settings), HostLog.in(dir));
    check.prepare(new RunContext("r1", dir, null, null, List.of("placement"), Settings.defaults(), l -> {}));
    check.start(Phase.BEFORE);
    Outcome placement = check.evaluate().get(0);
    assertThat(placement.status()).isEqualTo(Outcome.Status.ERROR);
    assertThat(placement.message()).isEqualTo("placement: ctl1: success (exit 0); ctl2: cannot reach the host (exit 255): ssh: Could not resolve"
        + " hostname ctl2: Name or service not known");
    assertThat(dir.resolve(HostLog.FILE)).content().contains("placement on ctl2: sh -c", "→ cannot reach the host");
  }

  @Test
  void manyHostsAreCheckedAtOnceAtMostFourAtATimeAndReportedInOrder() throws IOException {
    // each "ssh" notes how many checks run beside it while it holds its place for a second
    Path now = dir.resolve("now");
    Files.createDirectories(now);
    tool("ssh", "touch " + now + "/$1; ls " + now + " | wc -l >> " + dir.resolve("counts") + "; sleep 1; rm " + now + "/$1; "
        + "shift; PATH=" + dir.resolve("bin") + " exec sh -c \"$*\"");
    tool("placement-status", TABLE.formatted("Success", 0));
    List<String> hosts = List.of("ctl1", "ctl2", "ctl3", "ctl4", "ctl5", "ctl6");
    HostSettings settings = new HostSettings(Kind.TEMPLATE, dir.resolve("bin/ssh") + " {host} {command}", Map.of("placement", hosts), null,
        "docker", "lxc-attach", Duration.ofSeconds(20));
    UpgradeStatusCheck check = new UpgradeStatusCheck(HostAccess.of(settings), HostLog.in(dir));
    List<String> progress = new ArrayList<>();
    check.prepare(new RunContext("r1", dir, null, null, List.of("placement"), Settings.defaults(), progress::add));
    check.start(Phase.BEFORE);
    assertThat(progress).extracting(l -> l.replaceAll(".*placement on (ctl\\d).*", "$1")).containsExactlyElementsOf(hosts);
    Outcome placement = check.evaluate().get(0);
    assertThat(placement.message()).isEqualTo("placement: ctl1: success (exit 0); ctl2: success (exit 0); ctl3: success (exit 0); "
        + "ctl4: success (exit 0); ctl5: success (exit 0); ctl6: success (exit 0)");
    // one after the other, each would have seen only itself
    List<Integer> counts = Files.readAllLines(dir.resolve("counts")).stream().map(String::strip).map(Integer::valueOf).toList();
    assertThat(counts).hasSize(6);
    assertThat(counts.stream().mapToInt(Integer::intValue).max().orElseThrow()).isBetween(2, UpgradeStatusCheck.AT_ONCE);
  }

  @Test
  void theLabsOwnKeystoneStatusPasses() {
    HostSettings local = new HostSettings(Kind.LOCAL, null, Map.of(), null, "docker", "lxc-attach", Duration.ofSeconds(120));
    Outcome identity = run(local, List.of("identity"), Phase.BEFORE).get(0);
    assertThat(identity.status()).as(identity.message()).isEqualTo(Outcome.Status.PASSED);
    assertThat(identity.message()).isEqualTo("identity: localhost: success (exit 0)");
    assertThat(identity.evidence()).contains("| Check: Check trust policies are not empty |");
  }
}
