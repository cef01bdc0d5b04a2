package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testing.Lab;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vigil watch against the lab, with lab/upgrade as the ground truth: the outage Vigil measures must
 * match the one the script made, and a drained rolling restart must cost no request.
 */
class WatchIT {

  @TempDir Path dir;

  @Test
  void measuresAThreeSecondKeystoneOutageWithinOneProbePeriod() throws Exception {
    Path out = dir.resolve("outage");
    VigilProcess watch = VigilProcess.start(dir, "watch", "--cloud", "lab", "--services", "identity", "--out", out.toString());
    watch.awaitOutput("watching", 60);
    VigilProcess.awaitWindowStart(out, 60);
    Thread.sleep(6000); // a baseline before the outage
    List<String> events = lab("upgrade", "outage", "identity", "3");
    Thread.sleep(4000);
    watch.interrupt();
    assertThat(watch.waitFor(180)).as(watch.output()).isEqualTo(ExitCode.INTERRUPTED);

    Instant maint = eventTime(events, "maint");
    Instant back = eventTime(events, "back");
    JsonNode identity = new ObjectMapper().readTree(out.resolve("result.json").toFile()).path("services").path("identity");
    assertThat(identity.path("downtime_seconds").asDouble()).as(identity.toString()).isCloseTo(3.0, within(0.2));
    assertThat(identity.path("outages")).hasSize(1);
    JsonNode outage = identity.path("outages").get(0);
    // The outage opens at the first refusal's answer and closes at the next good probe's start: each edge
    // is late by at most its stated uncertainty (the gap to the probe before it), so the truth lies inside
    // it (the EVENT line is printed after the command took effect: 20 ms for that). On a quiet host that is
    // one probe period (100 ms); a loaded host delays probes (CI: an edge 207 ms late), which Vigil must
    // then say, within three periods.
    Instant start = Instant.parse(outage.path("start").asText());
    Instant end = Instant.parse(outage.path("end").asText());
    long startUncertainty = outage.path("start_uncertainty_ms").asLong();
    long endUncertainty = outage.path("end_uncertainty_ms").asLong();
    assertThat(start).as(outage.toString()).isBetween(maint.minusMillis(20), maint.plusMillis(Math.max(150, startUncertainty + 20)));
    assertThat(end).as(outage.toString()).isBetween(back.minusMillis(20), back.plusMillis(Math.max(150, endUncertainty + 20)));
    assertThat(start.minusMillis(startUncertainty)).as(outage.toString()).isBefore(maint.plusMillis(20));
    assertThat(end.minusMillis(endUncertainty)).as(outage.toString()).isBefore(back.plusMillis(20));
    assertThat(startUncertainty).as(outage.toString()).isBetween(1L, 300L);
    for (String kind : List.of("new", "reused")) {
      assertThat(identity.path("connections").path(kind).path("downtime_seconds").asDouble()).as(kind).isCloseTo(3.0, within(0.2));
    }
    assertThat(Files.exists(out.resolve("gatling"))).isTrue();
  }

  @Test
  void drainedRollingRestartOfKeystoneCostsNoRequest() throws Exception {
    Path out = dir.resolve("rolling");
    // sized to the lab, as RunIT's rolling restart is (RunIT.LAB_RATE says why): at the default rate a loaded CI
    // host pushed Keystone's median to 1.2 s and HAProxy answered 43 probes itself while one server restarted
    VigilProcess watch = VigilProcess.start(dir, "watch", "--cloud", "lab", "--services", "identity", "--rate", RunIT.LAB_RATE,
        "--max-in-flight", RunIT.LAB_MAX_IN_FLIGHT, "--out", out.toString());
    watch.awaitOutput("watching", 60);
    VigilProcess.awaitWindowStart(out, 60);
    Thread.sleep(3000);
    List<String> events = lab("upgrade", "rolling", "identity");
    assertThat(events).anyMatch(l -> l.contains("identity-2") && l.contains("ready"));
    Thread.sleep(2000);
    watch.interrupt();
    assertThat(watch.waitFor(180)).as(watch.output()).isEqualTo(ExitCode.INTERRUPTED);

    JsonNode identity = new ObjectMapper().readTree(out.resolve("result.json").toFile()).path("services").path("identity");
    // 10 probes/s over the restart of both servers (~15 s on a quiet lab)
    assertThat(identity.path("requests").asLong()).isGreaterThan(100);
    assertThat(identity.path("failures").asLong()).as(identity.toString()).isZero();
    assertThat(identity.path("downtime_seconds").asDouble()).isZero();
  }

  @Test
  void durationEndsTheWindowAndEveryRequestIsRecorded() throws Exception {
    Path out = dir.resolve("duration");
    VigilProcess watch =
        VigilProcess.start(dir, "watch", "--cloud", "lab", "--services", "placement,image", "--rate", "5", "--duration", "6s", "--out", out.toString());
    assertThat(watch.waitFor(120)).as(watch.output()).isZero();
    JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
    assertThat(result.path("services").has("placement")).isTrue();
    assertThat(result.path("services").has("image")).isTrue();
    long records = result.path("recording").path("records").asLong();
    long lines = Files.readAllLines(out.resolve("records.tsv")).size() - 2; // header lines
    assertThat(records).isEqualTo(lines);
    // 2 services x 2 connection kinds x 5/s x ~6 s
    assertThat(records).isBetween(100L, 150L);
    assertThat(watch.output()).contains("placement").contains("result: ").contains("report: " + out.resolve("report.html"));
    assertThat(Files.readString(out.resolve("report.html"))).contains("No verdict: this is a <code>vigil watch</code> window")
        .contains("<svg class=\"chart latency\" data-service=\"placement\"").contains("<svg class=\"chart latency\" data-service=\"image\"");
  }

  @Test
  void refusesAnAdminCloudUnknownServicesAndZeroRate() throws Exception {
    CommandRun admin = CommandRun.run(java.util.Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString()), dir,
        "watch", "--cloud", "lab-admin", "--duration", "5s", "--out", dir.resolve("a").toString());
    assertThat(admin.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(admin.err()).contains("admin role").contains("non-admin");

    CommandRun unknown = CommandRun.run(java.util.Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString()), dir,
        "watch", "--cloud", "lab", "--services", "compute,nope", "--duration", "5s");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(unknown.err()).contains("unknown service \"nope\"").contains("identity");

    CommandRun zero = CommandRun.run(java.util.Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString()), dir,
        "watch", "--cloud", "lab", "--rate", "0", "--duration", "5s", "--out", dir.resolve("z").toString());
    assertThat(zero.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(zero.err()).contains("rate");
    assertThat(zero.err().strip().lines()).hasSize(1);
  }

  private static List<String> lab(String... args) throws Exception {
    Path repo = Lab.cloudsYaml().getParent().getParent();
    List<String> cmd = new ArrayList<>();
    cmd.add(repo.resolve("lab").resolve(args[0]).toString());
    cmd.addAll(List.of(args).subList(1, args.length));
    for (int attempt = 0; ; attempt++) {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      List<String> lines = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
        }
      }
      int code = p.waitFor();
      if (code == 0) {
        return lines;
      }
      // another test or person holds the lab's upgrade lock: wait for it, a bounded number of times
      if (attempt < 30 && String.join("\n", lines).contains("another lab/upgrade is running")) {
        Thread.sleep(2000);
        continue;
      }
      throw new AssertionError("lab/" + String.join(" ", args) + " failed (" + code + "):\n" + String.join("\n", lines));
    }
  }

  private static Instant eventTime(List<String> events, String what) {
    return events.stream()
        .filter(l -> l.startsWith("EVENT ") && l.endsWith(" " + what))
        .map(l -> Instant.parse(l.split(" ")[1]))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no EVENT ... " + what + " in " + events));
  }
}
