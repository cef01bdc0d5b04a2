package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.recording.BalancerState;
import dev.vigil.recording.EventKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.RecordReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load balancer's view under {@code vigil run --haproxy}, against the lab's HAProxy runtime
 * socket, with lab/upgrade's EVENT lines as the ground truth: each server's state change is
 * recorded within one reading period (1 s) of the moment the script made it, plus the time a
 * reading takes on this loaded two-core machine.
 */
class BalancerIT {

  private static final String SOCKET = "/run/vigil-lab/haproxy.sock";
  /** One reading period, and what a reading and the scheduling of its thread may add. */
  private static final long LATE_MS = 1000 + 300;

  @TempDir Path dir;

  @Test
  void aRollingRestartShowsEachServerDrainedThenUpAgainAtItsTrueTime() throws Exception {
    Path out = dir.resolve("rolling");
    // probes sized to the lab (RunIT.LAB_RATE): the balancer's view is the subject, not the probes' pressure
    VigilProcess run = VigilProcess.start(dir, "run", "--cloud", "lab", "--services", "identity", "--driver", "command",
        "--upgrade-cmd", RunIT.labUpgrade("rolling identity"), "--before", "5s", "--after", "5s", "--haproxy", SOCKET,
        "--rate", RunIT.LAB_RATE, "--max-in-flight", RunIT.LAB_MAX_IN_FLIGHT, "--out", out.toString());
    int exit = run.waitFor(180);
    assertThat(exit).as(run.output()).isZero();
    assertThat(run.output()).contains("reading HAProxy socket " + SOCKET + " every 1000 ms");

    List<String> truth = groundTruth(out);
    List<EventRecord> states = balancer(out);
    for (String server : List.of("identity-1", "identity-2")) {
      Instant drain = truth(truth, server, "drain");
      Instant up = truth(truth, server, "up");
      EventRecord drained = first(states, server, "DRAIN", drain.toEpochMilli() - 50);
      assertThat(drained.timestampMs()).as(server + " DRAIN seen at " + Instant.ofEpochMilli(drained.timestampMs()) + ", set at " + drain)
          .isBetween(drain.toEpochMilli() - 50, drain.toEpochMilli() + LATE_MS);
      EventRecord back = first(states, server, "UP", drained.timestampMs() + 1);
      // HAProxy says UP once its check passes after 'ready'; the script's 'up' is when it saw that
      assertThat(back.timestampMs()).as(server + " UP again at " + Instant.ofEpochMilli(back.timestampMs()) + ", up at " + up)
          .isBetween(truth(truth, server, "ready").toEpochMilli() - 50, up.toEpochMilli() + LATE_MS);
      assertThat(back.service()).isEqualTo("identity");
    }
    String report = Files.readString(out.resolve("report.html"));
    assertThat(report).contains("data-server=\"identity-1\"").contains("data-server=\"identity-2\"").contains("data-state=\"DRAIN\"");
  }

  @Test
  void anOutageShowsEveryServerInMaintenanceAndBackAtItsTrueTime() throws Exception {
    Path out = dir.resolve("outage");
    VigilProcess run = VigilProcess.start(dir, "run", "--cloud", "lab", "--services", "image", "--driver", "command",
        "--upgrade-cmd", RunIT.labUpgrade("outage image 3"), "--before", "5s", "--after", "5s", "--haproxy", SOCKET,
        "--rate", RunIT.LAB_RATE, "--max-in-flight", RunIT.LAB_MAX_IN_FLIGHT, "--out", out.toString());
    run.waitFor(180);

    List<String> truth = groundTruth(out);
    Instant maint = truth(truth, "all", "maint");
    Instant back = truth(truth, "all", "back");
    List<EventRecord> states = balancer(out);
    for (String server : List.of("image-1", "image-2")) {
      EventRecord inMaint = first(states, server, "MAINT", maint.toEpochMilli() - 50);
      assertThat(inMaint.timestampMs()).as(server + " MAINT at " + Instant.ofEpochMilli(inMaint.timestampMs()) + ", set at " + maint)
          .isBetween(maint.toEpochMilli() - 50, maint.toEpochMilli() + LATE_MS);
      EventRecord out1 = states.stream()
          .filter(e -> e.timestampMs() > inMaint.timestampMs() && BalancerState.of(e).orElseThrow().server().equals(server))
          .findFirst().orElseThrow(() -> new AssertionError(server + " never left MAINT: " + states));
      assertThat(out1.timestampMs()).as(server + " left MAINT at " + Instant.ofEpochMilli(out1.timestampMs()) + ", back at " + back)
          .isBetween(back.toEpochMilli() - 50, back.toEpochMilli() + LATE_MS);
    }
  }

  /** The script's EVENT lines as driver.log keeps them: "<logged at> EVENT <iso> <backend> <server> <what>". */
  private static List<String> groundTruth(Path out) throws Exception {
    return Files.readAllLines(out.resolve("driver.log")).stream().filter(l -> l.contains(" EVENT ")).toList();
  }

  private static Instant truth(List<String> events, String server, String what) {
    return events.stream().map(l -> l.substring(l.indexOf(" EVENT ") + 7).split(" "))
        .filter(f -> f.length >= 4 && f[2].equals(server) && f[3].equals(what)).map(f -> Instant.parse(f[0])).findFirst()
        .orElseThrow(() -> new AssertionError("no EVENT " + server + " " + what + " in " + events));
  }

  private static List<EventRecord> balancer(Path out) {
    List<EventRecord> states = new ArrayList<>();
    try (RecordReader<EventRecord> events = RecordReader.events(out)) {
      while (events.hasNext()) {
        EventRecord e = events.next();
        if (e.kind() == EventKind.BALANCER) {
          states.add(e);
        }
      }
    }
    states.sort(java.util.Comparator.comparingLong(EventRecord::timestampMs));
    return states;
  }

  private static EventRecord first(List<EventRecord> states, String server, String word, long fromMs) {
    return states.stream().filter(e -> e.timestampMs() >= fromMs)
        .filter(e -> BalancerState.of(e).map(s -> s.server().equals(server) && s.word().equals(word)).orElse(false)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + word + " of " + server + " from " + Instant.ofEpochMilli(fromMs) + " in " + states));
  }
}
