package dev.vigil.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.identity.IdentitySession;
import dev.vigil.resources.Api;
import dev.vigil.resources.Found;
import dev.vigil.resources.Kind;
import dev.vigil.resources.LabCloud;
import dev.vigil.resources.Ledger;
import dev.vigil.resources.Remover;
import dev.vigil.resources.ResourcesMain;
import dev.vigil.resources.RunIds;
import dev.vigil.resources.TestRunIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the lab: what a {@code before} killed with SIGKILL half-way leaves, sweep removes. */
class SweepIT {

  private final CloudConfig cloud = LabCloud.cloud("lab");

  @Test
  void sweepRemovesWhatAKilledBeforeLeft(@TempDir Path dir) throws Exception {
    String runId = TestRunIds.next();
    Process child =
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                ResourcesMain.class.getName(), runId, dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!networkRecorded(dir)) {
        assertThat(child.isAlive()).as("the child ended before creating the network: " + Files.readString(dir.resolve("child.log"))).isTrue();
        assertThat(System.nanoTime()).as("no network recorded in 120 s").isLessThan(deadline);
        Thread.sleep(50);
      }
    } finally {
      child.destroyForcibly(); // SIGKILL: no clean-up, no shutdown hooks
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(child.exitValue()).isEqualTo(137);

    try (IdentitySession identity = LabCloud.session(cloud)) {
      Api api = LabCloud.api(cloud, identity);
      List<Found> left = new Remover(api).find(RunIds.of(runId));
      assertThat(left).extracting(Found::kind).contains(Kind.CONTAINER, Kind.IMAGE, Kind.NETWORK);

      List<String> lines = new ArrayList<>();
      SweepResult dry = new Sweep(api).run(RunIds.of(runId), List.of(dir), true, lines::add);
      assertThat(dry.found()).hasSameSizeAs(left);
      assertThat(new Remover(api).find(RunIds.of(runId))).hasSameSizeAs(left); // a dry run touches nothing

      SweepResult swept = new Sweep(api).run(RunIds.of(runId), List.of(dir), false, lines::add);
      assertThat(swept.clean()).as(swept.summary()).isTrue();
      assertThat(swept.summary()).startsWith("removed ");
      assertThat(lines).anyMatch(l -> l.startsWith("found network " + runId + "-net"));
      assertThat(lines).anyMatch(l -> l.startsWith("removed network " + runId + "-net"));
      assertThat(new Remover(api).find(RunIds.of(runId))).isEmpty();

      SweepResult again = new Sweep(api).run(RunIds.of(runId), List.of(dir), false, lines::add);
      assertThat(again.clean()).isTrue();
      assertThat(again.summary()).isEqualTo("nothing to remove: no leftovers");
    }
  }

  private static boolean networkRecorded(Path dir) {
    try {
      return Ledger.exists(dir) && Ledger.read(dir).find(Kind.NETWORK).isPresent();
    } catch (RuntimeException e) {
      return false; // between the write of the temporary file and its move
    }
  }
}
