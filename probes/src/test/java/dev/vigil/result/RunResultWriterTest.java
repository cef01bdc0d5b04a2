package dev.vigil.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's result.json is the window's document plus run, release, verdict and verdict_reasons. */
class RunResultWriterTest {

  @TempDir Path dir;

  @Test
  void addsTheVerdictFieldsAndKeepsTheWindowsOwn() throws Exception {
    WindowResult.Latency none = new WindowResult.Latency(0, null, null, null, null, null);
    WindowResult.ServiceResult image = new WindowResult.ServiceResult(10, 1, 0.5, 0.5, List.of(), none, new WindowResult.Flows(0, 0, 0),
        Map.of(), Map.of(), Map.of());
    Instant t = Instant.parse("2026-11-25T15:00:00Z");
    WindowResult window = new WindowResult(WindowResult.SCHEMA, "run-1", "lab", new WindowResult.Window(t, t.plusSeconds(30), 30),
        new WindowResult.Recording(10, 0, 4, 0, 0, List.of()), List.of(), Map.of("image", image));
    ServiceVerdict verdict = new ServiceVerdict(new ServiceVerdict.Release("zed", "2023.1"),
        new ServiceVerdict.Verdict(ServiceVerdict.Answer.YES, ServiceVerdict.Answer.NO, ServiceVerdict.Answer.INCONCLUSIVE,
            ServiceVerdict.Answer.YES), List.of("rolling: ok: release zed → 2023.1"));
    RunResult.RunSummary summary = new RunResult.RunSummary("command", 0, 12.5, null, "rolling", true, false, false);

    Path file = ResultWriter.write(new RunResult(window, Map.of("image", verdict, "identity", verdict), summary), dir);

    JsonNode doc = ResultWriter.mapper().readTree(file.toFile());
    assertThat(doc.path("schema").asText()).isEqualTo(WindowResult.SCHEMA);
    assertThat(doc.path("run").path("driver_exit_code").asInt()).isZero();
    assertThat(doc.path("run").path("driver_seconds").asDouble()).isEqualTo(12.5);
    JsonNode s = doc.path("services").path("image");
    assertThat(s.path("downtime_seconds").asDouble()).isEqualTo(0.5);
    assertThat(s.path("release").path("after").asText()).isEqualTo("2023.1");
    assertThat(s.path("verdict").path("zero_downtime").asText()).isEqualTo("no");
    assertThat(s.path("verdict").path("zero_impact").asText()).isEqualTo("inconclusive");
    assertThat(s.path("verdict").path("accessible").asText()).isEqualTo("yes");
    assertThat(s.path("verdict_reasons").get(0).asText()).isEqualTo("rolling: ok: release zed → 2023.1");
    // a service without requests still gets its verdict
    assertThat(doc.path("services").path("identity").path("verdict").path("rolling").asText()).isEqualTo("yes");
    // and the window's reader still reads the file
    assertThat(ResultWriter.read(file).services().get("image").requests()).isEqualTo(10);
  }
}
