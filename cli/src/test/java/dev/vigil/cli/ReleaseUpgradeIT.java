package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real release upgrade under vigil run: the release lab (on 127.0.0.2, beside the Zed lab) is
 * started on 2025.1 from scratch and moved to 2026.1 by lab/upgrade release all --rolling while
 * Vigil probes every service and runs its flows. The test prepares its own lab: it waits for the
 * root filesystems (bin/test starts building them first; cached they take seconds), wipes the
 * release lab and starts it on 2025.1 (under bin/test, it finds it so); afterwards it stops it (its
 * data stays, on 2026.1).
 */
class ReleaseUpgradeIT {

  /** Every service the release lab has; Glance stays on 2025.1 (Debian has no 2026.1 package). */
  private static final List<String> SERVICES = List.of("identity", "image", "compute", "placement", "block-storage", "network", "object-store");
  /** Services with flows (resources created and deleted during the run). */
  private static final List<String> FLOW_SERVICES = List.of("image", "object-store", "network", "block-storage", "compute");

  @TempDir Path dir;

  @BeforeAll
  static void releaseLabOn2025_1() throws Exception {
    lab(Duration.ofMinutes(40), "roots", "build");
    // bin/test wipes and starts the release lab in the background (VIGIL_RELEASE_LAB_FRESH): lab/up --release waits
    // for it through the lab's lock and then has nothing to do. Used only while every server is still on 2025.1: a
    // second run in the same shell finds it upgraded, and wipes it as a run outside bin/test always does.
    if ("1".equals(System.getenv("VIGIL_RELEASE_LAB_FRESH"))) {
      lab(Duration.ofMinutes(25), "up", "--release", "2025.1");
      if (everyServerOn2025_1()) {
        return;
      }
    }
    lab(Duration.ofMinutes(5), "reset", "--release", "--yes");
    lab(Duration.ofMinutes(25), "up", "--release", "2025.1");
  }

  /** The release lab's own record of each server's release (lab/lib/release.sh: absent means 2025.1). */
  private static boolean everyServerOn2025_1() throws java.io.IOException {
    Path releases = Path.of("/var/lib/vigil-lab-release/release");
    if (!Files.isDirectory(releases)) {
      return true;
    }
    try (var servers = Files.list(releases)) {
      for (Path server : servers.toList()) {
        if (!Files.readString(server).strip().equals("2025.1")) {
          return false;
        }
      }
    }
    return true;
  }

  @AfterAll
  static void releaseLabStopped() throws Exception {
    lab(Duration.ofMinutes(3), "down", "--release");
  }

  /** Runs lab/SCRIPT ARGS, its output in target/ (a lab step fails the test with its last lines). */
  private static void lab(Duration limit, String script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(RunIT.labScript(script)));
    command.addAll(List.of(args));
    Path log = Path.of("target", "release-lab-" + script + ".log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish within " + limit + "; see " + log);
    }
    List<String> lines = Files.readAllLines(log);
    assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()))).isZero();
  }

  @Test
  void aRollingUpgradeFrom2025_1To2026_1IsJudgedPerServiceAndLeavesNothing() throws Exception {
    Path out = dir.resolve("release");
    // Low rates: at the default 10/s per service the release lab's Python services saturate this
    // 2-core machine before the upgrade starts, and the verdicts would measure that (lab/README.md)
    Path config = Files.createTempFile(dir, "vigil", ".yaml");
    // host access into each server's root (docs/host-access.md): the installed versions and the upgrade checks, before and after
    Files.writeString(config, "probe:\n  rate_per_service: 1/s\nflows:\n  rate: 1/10s\n  grace: 60s\n"
        + "host_access:\n  kind: template\n  template: \"" + RunIT.labScript("lib/in-root")
        + " /var/cache/vigil-lab/roots/$(cat /var/lib/vigil-lab-release/release/{host} 2>/dev/null || echo 2025.1) {args}\"\n"
        + "  hosts:\n    identity: [identity-1, identity-2]\n    compute: [compute-1, compute-2]\n    image: [image-1, image-2]\n"
        + "    placement: [placement-1]\n    block-storage: [block-storage-1]\n    network: [network-1]\n    object-store: [object-store-1]\n");
    VigilProcess run = VigilProcess.start(dir, "run", "--cloud", "release", "--config", config.toString(),
        "--services", String.join(",", SERVICES), "--driver", "command",
        "--upgrade-cmd", RunIT.labUpgrade("release all --rolling"), "--expect-before", "2025.1", "--expect-after", "2026.1",
        "--before", "20s", "--after", "20s", "--driver-timeout", "30m", "--out", out.toString());
    int exit = run.waitFor(45 * 60);
    JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
    // CI shows the start of a failure's message only: the driver's own last lines first
    assertThat(result.path("run").path("driver_exit_code").asInt())
        .as("the upgrade failed:\n" + tail(out.resolve("driver.log"), 25) + "\n--- " + UPGRADE_LOG + ":\n" + tail(UPGRADE_LOG, 25))
        .isZero();

    // the versions moved: the lab's own ground truth, one VERSION line per server moved
    String driverLog = Files.readString(out.resolve("driver.log"));
    for (String server : List.of("identity-1", "identity-2", "compute-1", "compute-2", "nova-compute", "placement-1", "block-storage-1",
        "network-1", "object-store-1")) {
      assertThat(driverLog).as(server).containsPattern("VERSION " + server + " 2025\\.1/\\S+ 2026\\.1/\\S+");
    }
    assertThat(driverLog).doesNotContain("VERSION image-");

    // ... and the APIs say so. Nova's maximum microversion: 2.100 before (2025.1 or 2025.2), 2.103
    // after (2026.1 only). Swift: 2.35 before (2025.1); Debian's forky carries 2.38, the 2026.2 series,
    // so after it reads newer than the table. The cloud as a whole reads 2025.1 before.
    JsonNode detected = new ObjectMapper().readTree(out.resolve("release-version-detected.json").toFile());
    assertThat(detected.path("phases").path("before").path("cloud").asText()).as(detected.toString()).isEqualTo("2025.1");
    assertThat(reading(detected, "before", "compute").path("candidates").toString()).as(detected.toString()).contains("\"2025.1\"");
    assertThat(reading(detected, "after", "compute").path("release").asText()).as(detected.toString()).isEqualTo("2026.1");
    assertThat(reading(detected, "before", "object-store").path("release").asText()).as(detected.toString()).isEqualTo("2025.1");
    assertThat(reading(detected, "after", "object-store").path("newer_than_table").asBoolean()).as(detected.toString()).isTrue();
    // Glance stayed on 2025.1: its image API (2.17) allows 2026.1 too, so only the lab's events tell it
    assertThat(driverLog).contains("# image: glance has no 2026.1 package in Debian: it stays on 2025.1");

    // a verdict with its reasons for every service
    for (String service : SERVICES) {
      JsonNode s = result.path("services").path(service);
      assertThat(s.path("verdict").isObject()).as(service + " " + s).isTrue();
      assertThat(s.path("verdict_reasons").isArray() && s.path("verdict_reasons").size() > 0).as(service + " " + s).isTrue();
    }
    // "versions end right", each service on its own evidence: Nova's API says 2026.1 ...
    assertThat(verdict(result, "compute", "rolling")).as(reasons(result, "compute")).isEqualTo("yes");
    assertThat(reasons(result, "compute")).contains("equals the expected 2026.1");
    // ... as the installed placement 15, cinder 28 and neutron 28 do (one server each: an outage, but the right release)
    for (String service : List.of("placement", "block-storage", "network")) {
      assertThat(reasons(result, service)).as(service).contains("equals the expected 2026.1");
    }
    // ... Swift's says newer (forky's 2.38 is the 2026.2 series): the expectation is not met, with the evidence
    assertThat(verdict(result, "object-store", "rolling")).as(reasons(result, "object-store")).isEqualTo("no");
    assertThat(reasons(result, "object-store")).contains("expected 2026.1 after", "newer than 2026.1");
    // ... Keystone's v3.14 cannot tell 2025.1 from 2026.1, but its installed keystone 30 can: 2026.2's,
    // newer than expected, although its two servers drained one by one served every request
    assertThat(verdict(result, "identity", "rolling")).as(reasons(result, "identity")).isEqualTo("no");
    assertThat(reasons(result, "identity")).contains("expected 2026.1", "installed", "zero_downtime: ok: no API outage");
    // ... and Glance, whose API (2.17) allows 2026.1 too, stayed on 2025.1, as its installed package says
    assertThat(verdict(result, "image", "rolling")).as(reasons(result, "image")).isEqualTo("no");
    assertThat(reasons(result, "image")).contains("expected 2026.1", "python3-glance");
    // the projects' own upgrade checks ran where each service runs, before and after
    assertThat(out.resolve("upgrade-status.json")).exists();
    assertThat(Files.readString(out.resolve("host-commands.log"))).contains("command -v nova-status").contains("\"$t\" upgrade check");
    // one-server backends restart as an outage: not zero-downtime, whatever the release evidence
    assertThat(verdict(result, "placement", "zero_downtime")).as(reasons(result, "placement")).isEqualTo("no");

    List<String> left = new ArrayList<>(LabLeftovers.of("release", result.path("run_id").asText(), FLOW_SERVICES));
    assertThat(left).as("flow resources left in the project").isEmpty();
    assertThat(exit).as(run.output()).isIn(ExitCode.OK, ExitCode.FAILED);
  }

  /** The release lab's upgrade log: what the new code's migrations and checks printed. */
  private static final Path UPGRADE_LOG = Path.of("/var/log/vigil-lab-release/upgrade.log");

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (java.io.IOException e) {
      return "(" + file + " not readable: " + e.getMessage() + ")";
    }
  }

  private static String verdict(JsonNode result, String service, String criterion) {
    return result.path("services").path(service).path("verdict").path(criterion).asText();
  }

  private static String reasons(JsonNode result, String service) {
    return result.path("services").path(service).path("verdict_reasons").toString();
  }

  private static JsonNode reading(JsonNode detected, String phase, String service) {
    for (JsonNode s : detected.path("phases").path(phase).path("services")) {
      if (s.path("service").asText().equals(service)) {
        return s;
      }
    }
    throw new AssertionError("no " + phase + " reading of " + service + " in " + detected);
  }
}
