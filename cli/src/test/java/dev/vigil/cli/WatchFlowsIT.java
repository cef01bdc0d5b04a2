package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.recording.FlowOutcome;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RecordReader;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.Traffic;
import dev.vigil.testing.Lab;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vigil watch with availability flows, the circuit breaker and load, against the lab. Rates are
 * kept low: the lab shares two cores with everything else.
 */
class WatchFlowsIT {

  private static final List<String> FLOW_SERVICES = List.of("image", "object-store", "network", "block-storage", "compute");

  @TempDir Path dir;

  @Test
  void flowsOfEveryServiceAreHonouredAndLeaveNothing() throws Exception {
    Path out = dir.resolve("flows");
    Path config = settings("flows:\n  rate: 1/10s\n  grace: 60s\n");
    VigilProcess watch = VigilProcess.start(dir, "watch", "--cloud", "lab", "--config", config.toString(), "--services", String.join(",", FLOW_SERVICES),
        "--rate", "1", "--duration", "25s", "--out", out.toString());
    assertThat(watch.waitFor(120)).as(watch.output()).isZero();

    JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
    for (String service : FLOW_SERVICES) {
      JsonNode flows = result.path("services").path(service).path("flows");
      assertThat(flows.path("honoured").asLong()).as(service + " " + flows + "\n" + watch.output()).isPositive();
      assertThat(flows.path("failed").asLong()).as(service + " " + flows).isZero();
      assertThat(flows.path("lost").asLong()).as(service + " " + flows).isZero();
      assertThat(result.path("services").path(service).path("traffic").path("flow").path("requests").asLong()).isPositive();
    }
    try (RecordReader<FlowRecord> flows = RecordReader.flows(out)) {
      while (flows.hasNext()) {
        FlowRecord f = flows.next();
        assertThat(f.requestId()).as(f.toString()).isNotBlank();
        assertThat(f.resourceId()).as(f.toString()).isNotBlank();
        System.out.printf("%-14s %-15s %-9s %6d ms%n", f.service(), f.flow(), f.outcome(), f.endMs() - f.acceptedMs());
      }
    }
    assertThat(LabLeftovers.of(result.path("run_id").asText(), FLOW_SERVICES)).isEmpty();
  }

  @Test
  void aServiceInMaintenanceTripsTheCircuitBreakerAndNothingItCreatedRemains() throws Exception {
    Path out = dir.resolve("breaker");
    // a short grace: the flow pending when the outage begins gives up soon, and no new flow starts
    // while it is pending (issue 13), so the breaker's three failures come after it
    Path config = settings("flows:\n  rate: 1/3s\n  grace: 10s\n  circuit_breaker_failures: 3\n");
    VigilProcess watch = VigilProcess.start(dir, "watch", "--cloud", "lab", "--config", config.toString(), "--services", "block-storage",
        "--rate", "2", "--out", out.toString());
    watch.awaitOutput("watching", 60);
    Thread.sleep(5000); // a flow or two before the outage
    Process outage = labInBackground("upgrade", "outage", "block-storage", "40");
    watch.awaitOutput("circuit breaker", 40);
    long opened = System.currentTimeMillis();
    assertThat(outage.waitFor()).as("lab/upgrade outage").isZero();
    Thread.sleep(2000);
    watch.interrupt();
    assertThat(watch.waitFor(120)).as(watch.output()).isEqualTo(ExitCode.INTERRUPTED);

    assertThat(Files.readString(out.resolve("events.tsv"))).contains("circuit breaker: 3 consecutive block-storage flows failed")
        .contains("create-volume: HTTP 503");
    // no flow started after the breaker opened (a second for the note to reach the output)
    try (RecordReader<RequestRecord> records = RecordReader.requests(out)) {
      while (records.hasNext()) {
        RequestRecord r = records.next();
        if (r.traffic() == Traffic.FLOW && r.request().equals("create-volume")) {
          assertThat(r.startMs()).as("create-volume after the breaker opened").isLessThan(opened + 1000);
        }
      }
    }
    JsonNode volume = new ObjectMapper().readTree(out.resolve("result.json").toFile()).path("services").path("block-storage");
    assertThat(volume.path("downtime_seconds").asDouble()).as("the probes kept measuring").isCloseTo(40, within(3.0));
    String runId = new ObjectMapper().readTree(out.resolve("result.json").toFile()).path("run_id").asText();
    assertThat(LabLeftovers.of(runId, List.of("block-storage"))).isEmpty();
  }

  @Test
  void loadIsRecordedAsLoadAtAboutTheAskedRate() throws Exception {
    for (String model : List.of("open", "closed")) {
      Path out = dir.resolve("load-" + model);
      VigilProcess watch = VigilProcess.start(dir, "watch", "--cloud", "lab", "--services", "image,object-store", "--rate", "1", "--no-flows",
          "--load", "8", "--load-model", model, "--duration", "10s", "--out", out.toString());
      assertThat(watch.waitFor(90)).as(watch.output()).isZero();
      assertThat(watch.output()).contains("load 8/s (" + model + " model)");
      List<RequestRecord> load = new ArrayList<>();
      long flows = 0;
      try (RecordReader<RequestRecord> records = RecordReader.requests(out)) {
        while (records.hasNext()) {
          RequestRecord r = records.next();
          if (r.traffic() == Traffic.LOAD) {
            load.add(r);
          } else if (r.traffic() == Traffic.FLOW) {
            flows++;
          }
        }
      }
      assertThat(flows).as("--no-flows").isZero();
      assertThat(load).extracting(RequestRecord::service).contains("image", "object-store");
      long first = load.stream().mapToLong(RequestRecord::startMs).min().orElseThrow();
      long last = load.stream().mapToLong(RequestRecord::startMs).max().orElseThrow();
      double rate = (load.size() - 1) * 1000.0 / (last - first);
      System.out.printf("load %s: %d requests, %.2f/s%n", model, load.size(), rate);
      assertThat(rate).as(model).isCloseTo(8, within(1.6));
      assertThat(load).filteredOn(r -> !r.ok()).size().isLessThan(load.size() / 10 + 1);
    }
  }

  private Path settings(String yaml) throws Exception {
    Path file = Files.createTempFile(dir, "vigil", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  /** Starts a lab script, waiting for the lab's upgrade lock if another test holds it. */
  private static Process labInBackground(String... args) throws Exception {
    Path repo = Lab.cloudsYaml().getParent().getParent();
    List<String> cmd = new ArrayList<>();
    cmd.add(repo.resolve("lab").resolve(args[0]).toString());
    cmd.addAll(List.of(args).subList(1, args.length));
    for (int attempt = 0; ; attempt++) {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = r.readLine();
      if (line != null && line.contains("another lab/upgrade is running") && attempt < 60) {
        p.waitFor();
        Thread.sleep(2000);
        continue;
      }
      // keep draining its output so it never blocks on a full pipe
      Thread drain = new Thread(() -> r.lines().forEach(l -> {}), "lab-output");
      drain.setDaemon(true);
      drain.start();
      return p;
    }
  }
}
