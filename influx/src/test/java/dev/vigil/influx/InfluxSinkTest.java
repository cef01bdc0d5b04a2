package dev.vigil.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.VigilException;
import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.RunRecorder;
import dev.vigil.recording.Traffic;
import dev.vigil.settings.InfluxSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink against a local HTTP server that plays InfluxDB 1.x, failing when told to. */
class InfluxSinkTest {

  @TempDir Path dir;

  private HttpServer server;
  /** Requests still to fail with 503 (then the server takes points). */
  private final AtomicInteger failures = new AtomicInteger();
  private final List<String> received = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger posts = new AtomicInteger();
  private final List<String> said = Collections.synchronizedList(new ArrayList<>());
  private final Consumer<String> say = said::add;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/write", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      posts.incrementAndGet();
      int status = failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
      if (status == 204) {
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
          received.add(line);
        }
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void aLiveSinkKeepsThePointsWhileInfluxFailsAndSendsEachOnceWhenItIsBack() throws Exception {
    failures.set(3);
    InfluxSink sink = InfluxSink.start(dir, run(), target(100), say);
    writeRun(dir, 0, 500);
    InfluxSink.Summary s = sink.stop(Duration.ofSeconds(20));

    assertThat(s.pending()).isZero();
    assertThat(received).doesNotHaveDuplicates();
    assertThat(received.stream().filter(l -> l.startsWith("vigil_request,"))).hasSize(500);
    assertThat(received.stream().filter(l -> l.startsWith("vigil_event,"))).hasSize(3); // window start, phase, window end
    assertThat(s.written()).isEqualTo(received.size());
    assertThat(said.stream().filter(l -> l.contains("answers 503"))).as(said.toString()).hasSize(1);
    assertThat(said.stream().filter(l -> l.contains("takes points again"))).as(said.toString()).hasSize(1);
    assertThat(said.get(said.size() - 1)).isEqualTo("influx: " + s.written() + " points written, 0 pending");
  }

  @Test
  void pushResumesWhereTheCursorStoppedAndAllSendsTheSamePointsAgain() {
    writeRun(dir, 0, 300);
    failures.set(1_000);
    assertThatThrownBy(() -> InfluxSink.push(dir, run(), target(100), false, Duration.ofMillis(1500), say))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("0 points written, 303 pending: run vigil push " + dir + " again");

    failures.set(0);
    InfluxSink.Summary first = InfluxSink.push(dir, run(), target(100), false, Duration.ofSeconds(5), say);
    assertThat(first.written()).isEqualTo(303);
    List<String> firstLines = new ArrayList<>(received);

    received.clear();
    assertThat(InfluxSink.push(dir, run(), target(100), false, Duration.ofSeconds(5), say).written()).as("nothing new").isZero();
    assertThat(received).isEmpty();

    InfluxSink.Summary again = InfluxSink.push(dir, run(), target(100), true, Duration.ofSeconds(5), say);
    assertThat(again.written()).isEqualTo(303);
    assertThat(new HashSet<>(received)).as("the same points: same tags, fields and timestamps").isEqualTo(new HashSet<>(firstLines));
  }

  @Test
  void aPartialCursorSendsOnlyTheRest() throws Exception {
    writeRun(dir, 0, 200);
    InfluxSink.push(dir, run(), target(50), false, Duration.ofSeconds(5), say);
    List<String> all = new ArrayList<>(received);
    // pretend only the first 120 request rows went out: cut the cursor back
    Path cursor = dir.resolve(Cursor.FILE);
    long offset = offsetAfterRows(dir.resolve("records.tsv"), 120);
    String text = Files.readString(cursor).replaceAll("records.tsv=\\d+", "records.tsv=" + offset).replace("finished=true", "finished=false");
    Files.writeString(cursor, text);

    received.clear();
    InfluxSink.Summary rest = InfluxSink.push(dir, run(), target(50), false, Duration.ofSeconds(5), say);
    assertThat(received.stream().filter(l -> l.startsWith("vigil_request,"))).hasSize(80);
    assertThat(all).containsAll(received);
    assertThat(rest.pending()).isZero();
  }

  @Test
  void aCursorThatCannotBeSavedIsOneWarningAndThePointsStillGo() throws Exception {
    Files.createDirectories(dir.resolve(Cursor.FILE + ".tmp").resolve("blocker")); // the rename's source cannot be written
    writeRun(dir, 0, 250);
    InfluxSink.Summary s = InfluxSink.push(dir, run(), target(50), false, Duration.ofSeconds(5), say);
    assertThat(s.written()).isEqualTo(253);
    assertThat(said.stream().filter(l -> l.contains("cannot save the sent position"))).as(said.toString()).hasSize(1);
  }

  @Test
  void requestsAreTaggedWithThePhaseOfTheirStart() {
    writeRun(dir, 0, 100); // phase "during" marked at t = 50 ms after the first request
    InfluxSink.push(dir, run(), target(1000), false, Duration.ofSeconds(5), say);
    assertThat(received.stream().filter(l -> l.contains(",phase=window,"))).hasSize(50);
    assertThat(received.stream().filter(l -> l.contains(",phase=during,"))).hasSize(50);
  }

  private static long offsetAfterRows(Path file, int rows) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int lines = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n' && ++lines == rows + 2) {
        return i + 1;
      }
    }
    throw new IllegalStateException("fewer rows");
  }

  @Test
  void wrongCredentialsAreOneLineThatNamesTheSettingsAndNeverThePassword() throws Exception {
    HttpServer guarded = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    guarded.createContext("/write", exchange -> {
      byte[] body = "{\"error\":\"authorization failed\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(401, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    guarded.start();
    try {
      writeRun(dir, 0, 10);
      InfluxTarget target = new InfluxTarget(URI.create("http://127.0.0.1:" + guarded.getAddress().getPort()), InfluxSettings.Api.V1, "vigil",
          null, null, "vigil", dev.vigil.cloud.Secret.of("Wr0ng-Pa55"), 100, Duration.ofMillis(200));
      Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> InfluxSink.push(dir, run(), target, false, Duration.ofMillis(1500), say));
      assertThat(t).isInstanceOf(VigilException.class).hasMessageContaining("pending");
      assertThat(said).anyMatch(l -> l.contains("refuses the credentials (401 authorization failed): check influx.user and the variable influx.password_env names"));
      assertThat(String.join("\n", said) + t.getMessage()).doesNotContain("Wr0ng-Pa55");
      assertThat(said).allMatch(l -> !l.contains("\n"));
    } finally {
      guarded.stop(0);
    }
  }

  private InfluxTarget target(int batchSize) {
    return new InfluxTarget(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), InfluxSettings.Api.V1, "vigil", null, null,
        null, null, batchSize, Duration.ofMillis(200));
  }

  private static InfluxSink.Run run() {
    return new InfluxSink.Run("vigil-test-1", "lab", "host-a", 12_000);
  }

  /** A window of {@code n} probes, 1 ms apart, two per ms on the same series, with a phase mark halfway. */
  static void writeRun(Path dir, long t0, int n) {
    long base = 1_790_000_000_000L + t0;
    try (RunRecorder r = RunRecorder.open(dir, RunRecorder.Options.defaults())) {
      r.event(EventRecord.windowStart(base));
      for (int i = 0; i < n; i++) {
        if (i == n / 2) {
          r.event(EventRecord.phase(base + i / 2, "during"));
        }
        r.record(new RequestRecord(base + i / 2, base + i / 2 + 5, "identity", "validate-token", "GET", Traffic.PROBE, Connection.NEW,
            200, ErrorKind.NONE, true, "req-" + i));
      }
      // the probes (two a millisecond) cover the window to its end: no blind stretch
      r.event(EventRecord.windowEnd(base + n / 2 + 5));
    }
  }
}
