package dev.vigil.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.VigilException;
import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.FlowOutcome;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.RunRecorder;
import dev.vigil.recording.Traffic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synthetic 6 s window, 2026-01-01T00:00:00Z + 0..6 s, phases before [0, 2), during [2, 4),
 * after [4, 6]. identity: NEW probes at 0, 0.1, ... (10 ms; 30 ms during), REUSED at 0.05, 0.15,
 * ... (5 ms; 30 ms during); NEW fails at 2.5 and 2.6 (503) and at 5.9 (the last one), REUSED at 2.65
 * (refused); ten load requests at 1.0–1.9 s (100 ms, two 404s). compute: four flows and their four
 * create requests.
 */
class ResultAnalyzerTest {

  private static final long T0 = 1_767_225_600_000L;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path run;

  private static RequestRecord probe(long at, Connection c, boolean fails) {
    long latency = at >= 2_000 && at < 4_000 ? 30 : c == Connection.NEW ? 10 : 5;
    int status = !fails ? 200 : c == Connection.NEW ? 503 : 0;
    ErrorKind error = !fails ? ErrorKind.NONE : c == Connection.NEW ? ErrorKind.HTTP_5XX : ErrorKind.CONNECT;
    return new RequestRecord(T0 + at, T0 + at + latency, "identity", "validate-token", "GET", Traffic.PROBE, c,
        status, error, !fails, "req-" + at);
  }

  private void writeRun() {
    List<RequestRecord> records = new ArrayList<>();
    for (long at = 0; at < 6_000; at += 100) {
      records.add(probe(at, Connection.NEW, at == 2_500 || at == 2_600 || at == 5_900));
      records.add(probe(at + 50, Connection.REUSED, at + 50 == 2_650));
    }
    for (int i = 0; i < 10; i++) {
      long at = 1_000 + i * 100;
      int status = i < 2 ? 404 : 200;
      records.add(new RequestRecord(T0 + at, T0 + at + 100, "identity", "list-projects", "GET", Traffic.LOAD,
          Connection.REUSED, status, ErrorKind.ofStatus(status, true), status == 200, null));
    }
    for (int i = 0; i < 4; i++) {
      long at = 3_000 + i;
      records.add(new RequestRecord(T0 + at, T0 + at + 200, "compute", "create-server", "POST", Traffic.FLOW,
          Connection.REUSED, 202, ErrorKind.NONE, true, "req-c" + i));
    }
    // Appended in end order, as a live recorder does.
    records.sort(java.util.Comparator.comparingLong(RequestRecord::endMs));
    try (RunRecorder recorder = RunRecorder.open(run)) {
      recorder.event(EventRecord.windowStart(T0));
      recorder.event(EventRecord.phase(T0, "before"));
      recorder.event(EventRecord.phase(T0 + 2_000, "during"));
      recorder.event(EventRecord.phase(T0 + 4_000, "after"));
      records.forEach(recorder::record);
      FlowOutcome[] outcomes = {FlowOutcome.HONOURED, FlowOutcome.HONOURED, FlowOutcome.FAILED, FlowOutcome.LOST};
      for (int i = 0; i < 4; i++) {
        recorder.flow(new FlowRecord("compute", "boot-server", "req-c" + i, "srv-" + i, T0 + 3_000 + i,
            T0 + 5_000, outcomes[i], outcomes[i] == FlowOutcome.FAILED ? "ERROR: No valid host" : ""));
      }
      recorder.event(EventRecord.windowEnd(T0 + 6_000));
    }
  }

  @Test
  void resultJsonHasTheDocumentedFigures() throws IOException {
    writeRun();
    WindowResult result = new ResultAnalyzer().analyze(run, "run-1", "lab");
    Path file = ResultWriter.write(result, run);
    assertThat(file).isEqualTo(run.resolve("result.json"));
    JsonNode json = JSON.readTree(file.toFile());

    assertThat(json.path("schema").asText()).isEqualTo("vigil.result/v3");
    assertThat(json.path("run_id").asText()).isEqualTo("run-1");
    assertThat(json.path("cloud").asText()).isEqualTo("lab");
    assertThat(json.at("/window/start").asText()).isEqualTo("2026-01-01T00:00:00.000Z");
    assertThat(json.at("/window/end").asText()).isEqualTo("2026-01-01T00:00:06.000Z");
    assertThat(json.at("/window/seconds").asDouble()).isEqualTo(6.0);
    assertThat(json.at("/recording/records").asLong()).isEqualTo(134);
    assertThat(json.at("/recording/flows").asLong()).isEqualTo(4);
    assertThat(json.at("/recording/lost").asLong()).isZero();
    assertThat(json.at("/phases/1/name").asText()).isEqualTo("during");
    assertThat(json.at("/phases/1/end").asText()).isEqualTo("2026-01-01T00:00:04.000Z");

    JsonNode id = json.at("/services/identity");
    assertThat(id.path("requests").asLong()).isEqualTo(130);
    assertThat(id.path("failures").asLong()).isEqualTo(6);
    // Failures are placed at their answers (30 ms in during, 10 ms after), successes at their starts:
    // NEW [2.53, 2.7) ∪ REUSED [2.68, 2.75) = [2.53, 2.75); NEW [5.91, 6.0] still open at the end.
    assertThat(id.path("downtime_seconds").asDouble()).isEqualTo(0.31);
    assertThat(id.path("longest_outage_seconds").asDouble()).isEqualTo(0.22);
    assertThat(id.path("outages")).hasSize(2);
    assertThat(id.at("/outages/0/start").asText()).isEqualTo("2026-01-01T00:00:02.530Z");
    assertThat(id.at("/outages/0/end").asText()).isEqualTo("2026-01-01T00:00:02.750Z");
    assertThat(id.at("/outages/0/seconds").asDouble()).isEqualTo(0.22);
    // down after the success sent at 2.4 s; back after the last failure sent at 2.65 s
    assertThat(id.at("/outages/0/start_uncertainty_ms").asLong()).isEqualTo(130);
    assertThat(id.at("/outages/0/end_uncertainty_ms").asLong()).isEqualTo(100);
    assertThat(id.at("/outages/1/end_uncertainty_ms").asLong()).isZero();
    assertThat(id.at("/outages/0/ongoing").asBoolean()).isFalse();
    assertThat(id.at("/outages/1/ongoing").asBoolean()).isTrue();
    // 40 × 5 ms, 40 × 10 ms, 40 × 30 ms, 10 × 100 ms, less the 6 failures: latency is of the requests that succeeded.
    assertThat(id.at("/latency_ms/count").asLong()).isEqualTo(124);
    assertThat(id.at("/latency_ms/p50").asLong()).isEqualTo(10);
    assertThat(id.at("/latency_ms/p95").asLong()).isEqualTo(100);
    assertThat(id.at("/latency_ms/p99").asLong()).isEqualTo(100);
    assertThat(id.at("/flows/honoured").asLong()).isZero();

    JsonNode fresh = id.at("/connections/new");
    assertThat(fresh.path("requests").asLong()).isEqualTo(60);
    assertThat(fresh.path("failures").asLong()).isEqualTo(3);
    assertThat(fresh.path("downtime_seconds").asDouble()).isEqualTo(0.26);
    assertThat(fresh.path("longest_outage_seconds").asDouble()).isEqualTo(0.17);
    assertThat(fresh.at("/latency_ms/p50").asLong()).isEqualTo(10);
    JsonNode reused = id.at("/connections/reused");
    assertThat(reused.path("requests").asLong()).isEqualTo(70);
    assertThat(reused.path("failures").asLong()).isEqualTo(3);
    assertThat(reused.path("downtime_seconds").asDouble()).isEqualTo(0.07);
    assertThat(reused.at("/outages/0/start").asText()).isEqualTo("2026-01-01T00:00:02.680Z");

    assertThat(id.at("/traffic/probe/requests").asLong()).isEqualTo(120);
    assertThat(id.at("/traffic/probe/failures").asLong()).isEqualTo(4);
    assertThat(id.at("/traffic/load/failures").asLong()).isEqualTo(2);
    assertThat(id.at("/traffic/load/latency_ms/p50").asLong()).isEqualTo(100);
    assertThat(id.at("/traffic/flow/requests").asLong()).isZero();
    assertThat(id.at("/traffic/flow/latency_ms/p50").isNull()).isTrue();

    JsonNode before = id.at("/phases/before");
    assertThat(before.path("requests").asLong()).isEqualTo(50);
    assertThat(before.path("failures").asLong()).isEqualTo(2);
    assertThat(before.path("downtime_seconds").asDouble()).isZero();
    assertThat(before.at("/latency_ms/p50").asLong()).isEqualTo(10);
    assertThat(before.path("latency_vs_baseline").isNull()).isTrue();
    JsonNode during = id.at("/phases/during");
    assertThat(during.path("requests").asLong()).isEqualTo(40);
    assertThat(during.path("failures").asLong()).isEqualTo(3);
    assertThat(during.path("downtime_seconds").asDouble()).isEqualTo(0.22);
    assertThat(during.at("/latency_ms/p50").asLong()).isEqualTo(30);
    assertThat(during.at("/latency_vs_baseline/baseline").asText()).isEqualTo("before");
    // kind by kind, one-sided, with the floors (20 ms and 20 %): new connections went 10 → 30 ms, a rise of
    // exactly the floor, so not slower; reused ones 5 → 30 ms, slower
    assertThat(during.at("/latency_vs_baseline/outcome").asText()).isEqualTo("slower");
    assertThat(during.at("/latency_vs_baseline/kinds")).hasSize(2);
    assertThat(during.at("/latency_vs_baseline/kinds/0/kind").asText()).isEqualTo("probe validate-token (new)");
    assertThat(during.at("/latency_vs_baseline/kinds/0/outcome").asText()).isEqualTo("not_slower");
    assertThat(during.at("/latency_vs_baseline/kinds/1/kind").asText()).isEqualTo("probe validate-token (reused)");
    assertThat(during.at("/latency_vs_baseline/kinds/1/outcome").asText()).isEqualTo("slower");
    assertThat(during.at("/latency_vs_baseline/kinds/1/baseline_median_ms").asDouble()).isEqualTo(5.0);
    assertThat(during.at("/latency_vs_baseline/kinds/1/median_ms").asDouble()).isEqualTo(30.0);
    assertThat(during.at("/latency_vs_baseline/kinds/1/p_value").asDouble()).isLessThan(0.001);
    assertThat(during.at("/latency_vs_baseline/kinds/1/baseline_count").asInt()).isEqualTo(20);
    JsonNode after = id.at("/phases/after");
    assertThat(after.path("requests").asLong()).isEqualTo(40);
    assertThat(after.path("downtime_seconds").asDouble()).isEqualTo(0.09);

    JsonNode compute = json.at("/services/compute");
    assertThat(compute.path("requests").asLong()).isEqualTo(4);
    assertThat(compute.path("downtime_seconds").asDouble()).isZero();
    assertThat(compute.path("outages")).isEmpty();
    assertThat(compute.at("/flows/honoured").asLong()).isEqualTo(2);
    assertThat(compute.at("/flows/failed").asLong()).isEqualTo(1);
    assertThat(compute.at("/flows/lost").asLong()).isEqualTo(1);
    assertThat(compute.at("/phases/during/requests").asLong()).isEqualTo(4);
    // four flow steps during, none before: nothing to compare them with
    assertThat(compute.at("/phases/during/latency_vs_baseline/outcome").asText()).isEqualTo("too_few");
    assertThat(compute.at("/phases/before/latency_ms/p50").isNull()).isTrue();

    assertThat(ResultWriter.read(file)).isEqualTo(result);
  }

  @Test
  void withoutMarksTheWindowIsTheRecordsSpanAndACutLineIsReported() throws IOException {
    try (RunRecorder recorder = RunRecorder.open(run)) {
      for (long at = 0; at < 1_000; at += 100) {
        recorder.record(probe(at, Connection.NEW, at == 900));
      }
    }
    Files.writeString(run.resolve("records.tsv"), "1767225601000\t17672", StandardOpenOption.APPEND);
    WindowResult result = new ResultAnalyzer().analyze(run, null, null);
    assertThat(result.runId()).isEqualTo(run.getFileName().toString());
    assertThat(result.window().start().toEpochMilli()).isEqualTo(T0);
    assertThat(result.window().end().toEpochMilli()).isEqualTo(T0 + 910);
    assertThat(result.recording().truncatedFiles()).containsExactly("records.tsv");
    assertThat(result.phases()).isEmpty();
    WindowResult.ServiceResult id = result.services().get("identity");
    assertThat(id.phases()).isEmpty();
    // the failure was answered at the window's last instant: it keeps an outage from the last success on
    assertThat(id.outages()).containsExactly(new WindowResult.OutageEntry(
        java.time.Instant.ofEpochMilli(T0 + 800), java.time.Instant.ofEpochMilli(T0 + 910), 0.11, true));
    assertThat(id.latencyMs().mean()).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void notARunFolder() {
    assertThatThrownBy(() -> new ResultAnalyzer().analyze(run.resolve("nope"), "r", "c"))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("No records.tsv in");
  }

  @Test
  void anEmptyWindowSaysSo() {
    RunRecorder.open(run).close();
    assertThatThrownBy(() -> new ResultAnalyzer().analyze(run, "r", "c"))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("holds no requests and no window marks");
  }
}
