package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real release upgrade under vigil run: the release lab (lab/up --release 2025.1, on 127.0.0.2)
 * is moved to 2026.1 by lab/upgrade release all --rolling while Vigil probes every service and runs
 * its flows. Needs a release lab on 2025.1 (bin/test: lab/reset --release --yes, then
 * lab/up --release 2025.1 before the test); afterwards the lab runs 2026.1 and must be reset again.
 * Not yet run to the end: written and compiled; the one vigil run of the real upgrade so far was
 * made at the default probe rate and measured the machine's overload (lab/README.md).
 */
class ReleaseUpgradeIT {

  /** Every service the release lab has; Glance stays on 2025.1 (Debian has no 2026.1 package). */
  private static final List<String> SERVICES = List.of("identity", "image", "compute", "placement", "block-storage", "network", "object-store");
  /** Services with flows (resources created and deleted during the run). */
  private static final List<String> FLOW_SERVICES = List.of("image", "object-store", "network", "block-storage", "compute");

  @TempDir Path dir;

  @Test
  void aRollingUpgradeFrom2025_1To2026_1IsJudgedPerServiceAndLeavesNothing() throws Exception {
    Path out = dir.resolve("release");
    // Low rates: at the default 10/s per service the release lab's Python services saturate this
    // 2-core machine before the upgrade starts, and the verdicts would measure that (lab/README.md)
    Path config = Files.createTempFile(dir, "vigil", ".yaml");
    Files.writeString(config, "probe:\n  rate_per_service: 1/s\nflows:\n  rate: 1/10s\n  grace: 60s\n");
    VigilProcess run = VigilProcess.start(dir, "run", "--cloud", "release", "--config", config.toString(),
        "--services", String.join(",", SERVICES), "--driver", "command",
        "--upgrade-cmd", RunIT.labUpgrade("release all --rolling"), "--expect-before", "2025.1", "--expect-after", "2026.1",
        "--before", "20s", "--after", "20s", "--driver-timeout", "30m", "--out", out.toString());
    int exit = run.waitFor(45 * 60);
    JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
    assertThat(result.path("run").path("driver_exit_code").asInt()).as(run.output()).isZero();

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
    // one-server backends restart as an outage: not zero-downtime, and the reason says so
    JsonNode placement = result.path("services").path("placement");
    assertThat(placement.path("verdict").path("zero_downtime").asBoolean()).as(placement.toString()).isFalse();
    // two servers drained one by one: zero-downtime
    JsonNode identity = result.path("services").path("identity");
    assertThat(identity.path("verdict").path("zero_downtime").asBoolean()).as(identity.path("verdict_reasons").toString()).isTrue();

    List<String> left = new ArrayList<>(LabLeftovers.of("release", result.path("run_id").asText(), FLOW_SERVICES));
    assertThat(left).as("flow resources left in the project").isEmpty();
    assertThat(exit).as(run.output()).isIn(ExitCode.OK, ExitCode.FAILED);
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
