package dev.vigil.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.probe.ProbeRequest;
import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.RecordReader;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.RunRecorder;
import dev.vigil.recording.Traffic;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-flight cap against a local server that stops answering and then answers again, with
 * probes sent on a fixed schedule (an open model, as Gatling injects them) through the gate.
 */
class ProbeGateTest {

  private static final int CAP = 8;
  private static final long QUIET_MS = 700;
  private static final ProbeRequest PROBE = new ProbeRequest("validate-token", "GET", "", ProbeRequest.TokenUse.AUTH, Set.of(200));

  @TempDir Path run;

  private HttpServer server;
  private final AtomicInteger concurrent = new AtomicInteger();
  private final AtomicInteger maxConcurrent = new AtomicInteger();
  private volatile CountDownLatch stall = new CountDownLatch(0);
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<String> said = new CopyOnWriteArrayList<>();
  private final AtomicInteger answered = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      int now = concurrent.incrementAndGet();
      maxConcurrent.accumulateAndGet(now, Math::max);
      try {
        stall.await(20, TimeUnit.SECONDS); // a slow API: the answer comes when the test lets it
        exchange.sendResponseHeaders(200, -1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        concurrent.decrementAndGet();
        exchange.close();
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    stall.countDown();
    scheduler.shutdownNow();
    server.stop(0);
  }

  @Test
  void theCapHoldsHeldBackProbesAreRecordedAndProbesResumeWhenTheServerAnswers() throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v3/auth/tokens");
    try (RunRecorder recorder = RunRecorder.open(run, RunRecorder.Options.defaults())) {
      ProbeGate gate = new ProbeGate(CAP, QUIET_MS, recorder::record, s -> said.add("hold " + s.label()),
          s -> said.add("resume " + s.label() + " after " + s.heldThisSpell()));
      // A cold client and server take hundreds of ms over their first request; warm them first.
      client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
      // 10 probes/s, as the default rate
      scheduler.scheduleAtFixedRate(() -> probe(gate, recorder, uri), 0, 100, TimeUnit.MILLISECONDS);

      await(() -> answered.get() >= 5, "answers while the server is quick");
      assertThat(gate.heldBack("identity")).isZero();

      stall = new CountDownLatch(1);
      await(() -> gate.heldBack("identity") >= 10, "probes held back while the server does not answer");
      assertThat(gate.inFlight("identity")).isEqualTo(CAP);
      assertThat(said).containsExactly("hold identity (new)");

      int before = answered.get();
      stall.countDown();
      await(() -> answered.get() >= before + CAP + 5, "answers once the server answers again");
      // one line for the whole spell, once no probe has been held back for QUIET_MS
      await(() -> said.size() == 2, "the end of the spell");
      scheduler.shutdownNow();
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
      await(() -> gate.inFlight("identity") == 0, "the last probes to end");
      long held = gate.heldBack("identity");
      assertThat(said).hasSize(2).last().isEqualTo("resume identity (new) after " + held);
    }
    assertThat(maxConcurrent.get()).isEqualTo(CAP);

    List<RequestRecord> records;
    try (RecordReader<RequestRecord> reader = RecordReader.requests(run)) {
      records = reader.stream().toList();
    }
    List<RequestRecord> held = records.stream().filter(RequestRecord::isHeldBack).toList();
    assertThat(held).hasSizeGreaterThanOrEqualTo(10).allSatisfy(r -> {
      assertThat(r.startMs()).isEqualTo(r.endMs());
      assertThat(r.status()).isZero();
      assertThat(r.error()).isEqualTo(ErrorKind.HELD_BACK);
      assertThat(r.ok()).isFalse();
      assertThat(r.requestId()).isNull();
      assertThat(r.traffic()).isEqualTo(Traffic.PROBE);
      assertThat(r.connection()).isEqualTo(Connection.NEW);
      assertThat(r.request()).isEqualTo("validate-token");
      assertThat(r.method()).isEqualTo("GET");
      assertThat(r.isProbeFailure()).isFalse();
    });
    long lastHeld = held.stream().mapToLong(RequestRecord::startMs).max().orElseThrow();
    assertThat(records).filteredOn(r -> r.ok() && r.startMs() > lastHeld).hasSizeGreaterThanOrEqualTo(5);
    // every probe due is accounted for: sent (answered) or held back, none lost
    assertThat(records).filteredOn(r -> !r.isHeldBack()).allSatisfy(r -> assertThat(r.ok()).isTrue());
  }

  @Test
  void aSpellOfHoldingBackIsSaidOnceHoweverOftenTheCapIsCrossed() {
    List<RequestRecord> records = new CopyOnWriteArrayList<>();
    ProbeGate gate = new ProbeGate(1, 5_000, records::add, s -> said.add("hold " + s.label()),
        s -> said.add("resume " + s.label() + ": " + s.heldThisSpell() + " over " + s.spellMs() + " ms"));
    assertThat(gate.tryStart("image", PROBE, Connection.REUSED, 0)).isTrue();
    assertThat(gate.tryStart("image", PROBE, Connection.REUSED, 100)).isFalse();
    gate.finish("image", Connection.REUSED);
    assertThat(gate.tryStart("image", PROBE, Connection.REUSED, 200)).isTrue();
    assertThat(gate.tryStart("image", PROBE, Connection.REUSED, 300)).isFalse();
    // the other connection kind has its own cap
    assertThat(gate.tryStart("image", PROBE, Connection.NEW, 300)).isTrue();
    gate.finish("image", Connection.REUSED);
    assertThat(gate.tryStart("image", PROBE, Connection.REUSED, 400)).isTrue();
    gate.finish("image", Connection.REUSED);
    assertThat(said).containsExactly("hold image (reused)");
    assertThat(gate.tryStart("image", PROBE, Connection.REUSED, 5_300)).isTrue();
    assertThat(said).containsExactly("hold image (reused)", "resume image (reused): 2 over 200 ms");
    assertThat(records).extracting(RequestRecord::startMs).containsExactly(100L, 300L);
    assertThat(gate.heldBack("image")).isEqualTo(2);
    assertThat(gate.inFlight("image")).isEqualTo(2);
  }

  @Test
  void tcpProbesAreCappedToo() throws Exception {
    // A listener that never accepts: once its backlog is full the kernel drops new SYNs, so connects hang.
    try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      DataPlaneTarget target = DataPlaneTarget.parse("tcp://127.0.0.1:" + listener.getLocalPort(), java.util.Optional.empty());
      List<RequestRecord> records = new CopyOnWriteArrayList<>();
      ProbeGate gate = new ProbeGate(2, QUIET_MS, records::add, s -> said.add("hold " + s.label()), s -> { });
      try (TcpProber prober = new TcpProber(List.of(target), 20, Duration.ofSeconds(5), gate, (t, start, end, failure) -> { })) {
        await(() -> gate.heldBack(target.service()) >= 5, "tcp probes held back");
        assertThat(gate.inFlight(target.service())).isEqualTo(2);
      }
      assertThat(records).allSatisfy(r -> {
        assertThat(r.error()).isEqualTo(ErrorKind.HELD_BACK);
        assertThat(r.request()).isEqualTo("tcp-connect");
        assertThat(r.method()).isEqualTo("TCP");
      });
      assertThat(said).containsExactly("hold " + target.service() + " (new)");
    }
  }

  private void probe(ProbeGate gate, RunRecorder recorder, URI uri) {
    long due = System.currentTimeMillis();
    if (!gate.tryStart("identity", PROBE, Connection.NEW, due)) {
      return;
    }
    client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
        .whenComplete((response, failure) -> {
          int status = response == null ? 0 : response.statusCode();
          recorder.record(RequestRecord.of(due, System.currentTimeMillis(), "identity", PROBE.name(), PROBE.method(), Traffic.PROBE,
              Connection.NEW, status, failure == null ? null : failure.toString(), true, null));
          gate.finish("identity", Connection.NEW);
          answered.incrementAndGet();
        });
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
