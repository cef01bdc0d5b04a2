package dev.vigil.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.Traffic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveStatusTest {

  @Test
  void theLineShowsProbesInFlightAndHeldBackAndAHeldBackProbeIsNeitherARequestNorAFailure() {
    Map<String, Integer> inFlight = Map.of("identity", 7);
    LiveStatus live = new LiveStatus(List.of("identity"), s -> inFlight.getOrDefault(s, 0));
    live.count(new RequestRecord(1_000, 1_020, "identity", "validate-token", "GET", Traffic.PROBE, Connection.NEW, 200, ErrorKind.NONE, true, "r"));
    live.count(RequestRecord.heldBack(1_100, "identity", "validate-token", "GET", Connection.NEW));
    live.count(RequestRecord.heldBack(1_200, "identity", "validate-token", "GET", Connection.REUSED));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    live.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .matches("\\[vigil\\] \\d\\d:\\d\\d:\\d\\d identity +1 requests +0 failed  up  in flight 7  held back 2\\n");
  }

  @Test
  void theCliReadsTheLineBackAsItWasPrinted() {
    LiveStatus live = new LiveStatus(List.of("block-storage"), s -> 3);
    live.count(new RequestRecord(1_000, 1_020, "block-storage", "list-volumes", "GET", Traffic.PROBE, Connection.NEW, 503, ErrorKind.HTTP_5XX,
        false, "r"));
    live.count(RequestRecord.heldBack(1_100, "block-storage", "list-volumes", "GET", Connection.NEW));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    live.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String line = bytes.toString(StandardCharsets.UTF_8).strip().substring(LiveStatus.PREFIX.length());
    assertThat(LiveLine.parse(line)).isEqualTo(new LiveLine("block-storage", 1, 1, 3, 1));
    assertThat(LiveLine.parse("compute flow not started: the previous one is still pending")).isNull();
  }
}
