package dev.vigil.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testing.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named simulation as a Gatling user runs it: {@code mvn gatling:test} with plain properties only,
 * no plan file, against the lab; stopped early with the stop file, or with Ctrl-C. It leaves a full
 * run folder: plan.json, records, result.json, report.html and Gatling's own report.
 */
class MavenSimulationIT {

  @TempDir Path dir;

  @Test
  void anUptimeSimulationFromMavenLeavesAFullRunFolder() throws Exception {
    Path out = dir.resolve("uptime");
    Path repository = Lab.cloudsYaml().getParent().getParent();
    Path log = dir.resolve("mvn.log");
    ProcessBuilder pb = new ProcessBuilder("mvn", "-B", "-q", "-pl", "simulations", "gatling:test",
        "-Dgatling.simulationClass=dev.vigil.simulations.UptimeSimulation", "-Dvigil.cloud=lab", "-Dvigil.services=identity,image",
        "-Dvigil.duration=90s", "-Dvigil.rate=2", "-Dvigil.out=" + out)
        .directory(repository.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString());
    Process mvn = pb.start();
    awaitFile(mvn, out.resolve("records.tsv"), log, 180);
    Thread.sleep(15_000);
    Files.writeString(out.resolve(WindowPlan.STOP_FILE), "");
    assertThat(mvn.waitFor(120, TimeUnit.SECONDS)).as("mvn gatling:test ends after the stop file:\n" + Files.readString(log)).isTrue();
    assertThat(mvn.exitValue()).as(Files.readString(log)).isZero();

    WindowPlan plan = WindowPlan.read(out.resolve(WindowPlan.FILE));
    assertThat(plan.targets()).extracting(WindowPlan.Target::serviceType).containsExactly("identity", "image");
    assertThat(plan.ratePerService()).isEqualTo(2.0);
    assertThat(plan.flows().enabled()).as("an uptime simulation runs no flows").isFalse();
    assertThat(plan.parentPid()).isZero();

    JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
    for (String service : List.of("identity", "image")) {
      assertThat(result.path("services").path(service).path("requests").asLong()).as(service + " requests").isGreaterThan(20);
    }
    assertThat(result.path("recording").path("window_closed").asBoolean()).as("the window closed itself (the stop file)").isTrue();
    Path gatlingReport;
    try (Stream<Path> files = Files.walk(out, 3)) {
      gatlingReport = files.filter(f -> f.getFileName().toString().equals("index.html")).findFirst().orElse(null);
    }
    assertThat(gatlingReport).as("Gatling's report in the run folder").isNotNull();
    assertThat(Files.readString(out.resolve("report.html"))).contains(out.relativize(gatlingReport).toString());
  }

  /**
   * Ctrl-C in a terminal signals the whole foreground process group: Maven and the JVM it forked for
   * Gatling. Before, that JVM exited on SIGINT and Gatling's report was never written.
   */
  @Test
  void ctrlCUnderMavenEndsTheWindowAndGatlingsReportSurvives() throws Exception {
    Path out = dir.resolve("ctrl-c");
    Path repository = Lab.cloudsYaml().getParent().getParent();
    Path log = dir.resolve("mvn-ctrl-c.log");
    // its own process group, as a terminal's foreground job, with SIGINT at its default even when
    // this test runs in a background job (which inherits SIGINT ignored)
    ProcessBuilder pb = new ProcessBuilder("python3", "-c",
        "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.setsid(); os.execvp(sys.argv[1], sys.argv[1:])",
        "mvn", "-B", "-q", "-o", "-pl", "simulations", "gatling:test", "-Dgatling.simulationClass=dev.vigil.simulations.UptimeSimulation",
        "-Dvigil.cloud=lab", "-Dvigil.services=identity", "-Dvigil.duration=90s", "-Dvigil.rate=2", "-Dvigil.out=" + out)
        .directory(repository.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString());
    Process mvn = pb.start();
    awaitFile(mvn, out.resolve("records.tsv"), log, 180);
    Thread.sleep(10_000);
    // procps' kill takes "-PID" as a process group only after "--" (without it, it signals nothing and exits 0)
    Process ctrlC = new ProcessBuilder("kill", "-s", "INT", "--", "-" + mvn.pid()).inheritIO().start();
    assertThat(ctrlC.waitFor()).isZero();

    Path gatlingReport = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline && !Files.isRegularFile(out.resolve("report.html"))) {
      Thread.sleep(500);
    }
    try (Stream<Path> files = Files.walk(out, 3)) {
      gatlingReport = files.filter(f -> f.getFileName().toString().equals("index.html")).findFirst().orElse(null);
    }
    assertThat(gatlingReport).as("Gatling's report after Ctrl-C:\n" + Files.readString(log)).isNotNull();
    JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
    assertThat(result.path("services").path("identity").path("failures").asLong()).as(result.toString()).isZero();
    assertThat(result.path("recording").path("window_closed").asBoolean()).as("the window closed itself").isTrue();
    assertThat(Files.readString(out.resolve("report.html"))).contains(out.relativize(gatlingReport).toString());
    assertThat(Files.readString(log)).contains("Ctrl-C: ending the window");
  }

  private static void awaitFile(Process p, Path file, Path log, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!Files.isRegularFile(file)) {
      if (System.nanoTime() > deadline || !p.isAlive()) {
        p.destroy();
        throw new AssertionError(file + " never appeared:\n" + Files.readString(log));
      }
      Thread.sleep(500);
    }
  }
}
