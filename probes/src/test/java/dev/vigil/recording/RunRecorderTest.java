package dev.vigil.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecorderTest {

  @TempDir
  Path tmp;

  private final List<String> problems = new CopyOnWriteArrayList<>();

  private RunRecorder open(Path dir) {
    return RunRecorder.open(dir, RunRecorder.Options.defaults().withOnProblem(problems::add));
  }

  @Test
  void aHeldBackProbeRoundTrips() throws IOException {
    Path run = tmp.resolve("held");
    RequestRecord held = RequestRecord.heldBack(5_000, "identity", "validate-token", "GET", Connection.REUSED);
    try (RunRecorder recorder = open(run)) {
      recorder.record(held);
    }
    assertThat(Files.readAllLines(run.resolve("records.tsv")).get(2))
        .isEqualTo("5000\t5000\tidentity\tvalidate-token\tGET\tPROBE\tREUSED\t0\tHELD_BACK\t0\t");
    List<RequestRecord> back = read(RecordReader.requests(run));
    assertThat(back).containsExactly(held);
    assertThat(back.get(0).isHeldBack()).isTrue();
    assertThat(back.get(0).isProbeFailure()).isFalse();
    assertThat(back.get(0).ok()).isFalse();
  }

  @Test
  void roundTripKeepsEveryFieldIncludingAwkwardText() throws IOException {
    Path run = tmp.resolve("run");
    List<RequestRecord> requests = List.of(
        Records.ok(1_000),
        new RequestRecord(1_010, 11_010, "compute", "list-servers", "GET", Traffic.PROBE, Connection.REUSED, 0,
            ErrorKind.TIMEOUT, false, null),
        new RequestRecord(1_020, 1_030, "object-store", "put\tobject\\x\n", "PUT", Traffic.LOAD, Connection.REUSED,
            503, ErrorKind.HTTP_5XX, false, "tx-é-1"));
    List<FlowRecord> flows = List.of(
        new FlowRecord("volume", "create-volume", "req-9", "vol-1", 2_000, 9_000, FlowOutcome.HONOURED, ""),
        new FlowRecord("compute", "boot-server", null, null, 2_100, 99_000, FlowOutcome.LOST, "stuck in\tBUILD\r\n"));
    List<EventRecord> events = List.of(EventRecord.windowStart(900), EventRecord.phase(900, "before"),
        new EventRecord(5_000, EventKind.DRIVER, "identity", "restart keystone on ctl-1"));
    try (RunRecorder recorder = open(run)) {
      requests.forEach(recorder::record);
      flows.forEach(recorder::flow);
      events.forEach(recorder::event);
    }
    assertThat(read(RecordReader.requests(run))).containsExactlyElementsOf(requests);
    assertThat(read(RecordReader.flows(run))).containsExactlyElementsOf(flows);
    assertThat(read(RecordReader.events(run))).containsExactlyElementsOf(events);
    assertThat(Files.readAllLines(run.resolve("records.tsv")).subList(0, 2))
        .containsExactly("# vigil records v1", String.join("\t", RunFile.REQUESTS.columns));
    assertThat(Files.readAllLines(run.resolve("records.tsv")).get(4))
        .isEqualTo("1020\t1030\tobject-store\tput\\tobject\\\\x\\n\tPUT\tLOAD\tREUSED\t503\tHTTP_5XX\t0\ttx-é-1");
    assertThat(problems).isEmpty();
  }

  @Test
  void manyThreadsRecordingWriteEveryRecordExactlyOnce() throws Exception {
    int threads = 8;
    int each = 25_000;
    Path run = tmp.resolve("run");
    RunRecorder recorder = RunRecorder.open(run, RunRecorder.Options.defaults().withCapacity(Integer.MAX_VALUE)
        .withOnProblem(problems::add));
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = t * each;
      Thread w = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < each; i++) {
          recorder.record(Records.ok(base + i));
        }
      });
      w.start();
      workers.add(w);
    }
    go.countDown();
    for (Thread w : workers) {
      w.join();
    }
    recorder.close();

    assertThat(recorder.written()).isEqualTo((long) threads * each);
    assertThat(recorder.lost()).isZero();
    assertThat(recorder.pending()).isZero();
    Set<Long> seen = new HashSet<>();
    long count;
    try (Stream<RequestRecord> records = RecordReader.requests(run).stream()) {
      count = records.peek(r -> seen.add(r.startMs())).count();
    }
    assertThat(count).isEqualTo((long) threads * each);
    assertThat(seen).hasSize(threads * each);
    assertThat(problems).isEmpty();
  }

  @Test
  void recordsAreReadableWhileTheRecorderRunsWithinOneSecond() throws Exception {
    Path run = tmp.resolve("run");
    try (RunRecorder recorder = open(run)) {
      for (int i = 0; i < 10; i++) {
        recorder.record(Records.ok(i));
      }
      long recordedAt = System.nanoTime();
      awaitTrue(() -> countRequests(run) == 10, 1_000);
      assertThat((System.nanoTime() - recordedAt) / 1_000_000).isLessThan(1_000);
      recorder.record(Records.ok(10));
      awaitTrue(() -> countRequests(run) == 11, 1_000);
      assertThat(recorder.written()).isEqualTo(11);
    }
  }

  @Test
  void aRemovedFolderIsReportedOnceAndLaterRecordsAreCountedLost() throws Exception {
    Path run = tmp.resolve("run");
    RunRecorder recorder = open(run);
    for (int i = 0; i < 100; i++) {
      recorder.record(Records.ok(i));
    }
    awaitTrue(() -> recorder.written() == 100, 5_000);
    deleteTree(run);
    for (int i = 100; i < 150; i++) {
      recorder.record(Records.ok(i));
    }
    recorder.flow(new FlowRecord("image", "upload-image", null, null, 1, 2, FlowOutcome.FAILED, ""));
    awaitTrue(recorder::failed, 5_000);
    for (int i = 150; i < 160; i++) {
      recorder.record(Records.ok(i));
    }
    recorder.close();

    assertThat(recorder.written()).isEqualTo(100);
    assertThat(recorder.lost()).isEqualTo(61);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).contains("Recording stopped", "records.tsv", "removed", "100 records already written")
        .doesNotContain("\n");
    assertThat(run).doesNotExist();
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
    Path run = tmp.resolve("run");
    RunRecorder recorder = RunRecorder.open(run, RunRecorder.Options.defaults().withCapacity(8)
        .withOnProblem(problems::add));
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int base = t * 20_000;
      Thread w = new Thread(() -> {
        for (int i = 0; i < 20_000; i++) {
          recorder.record(Records.ok(base + i));
        }
      });
      w.start();
      workers.add(w);
    }
    for (Thread w : workers) {
      w.join();
    }
    recorder.close();
    // However many were dropped, each record is either on disk or counted lost, exactly once.
    assertThat(recorder.written() + recorder.lost()).isEqualTo(80_000 + (recorder.lost() > 0 ? 1 : 0));
    long lostNote = recorder.lost() > 0 ? 1 : 0;
    assertThat(countRequests(run) + countEvents(run)).isEqualTo(recorder.written());
    assertThat(countEvents(run)).isEqualTo(lostNote);
    assertThat(problems).hasSizeLessThanOrEqualTo(1).allMatch(p -> p.startsWith("Recording falls behind"));
  }

  @Test
  void recordsAfterCloseAreLostAndCloseIsIdempotent() {
    Path run = tmp.resolve("run");
    RunRecorder recorder = open(run);
    recorder.record(Records.ok(1));
    recorder.close();
    recorder.close();
    recorder.record(Records.ok(2));
    assertThat(recorder.written()).isEqualTo(1);
    assertThat(recorder.lost()).isEqualTo(1);
    assertThat(countRequests(run)).isEqualTo(1);
  }

  @Test
  void reopeningAppendsAndDropsALineCutByACrash() throws IOException {
    Path run = tmp.resolve("run");
    try (RunRecorder recorder = open(run)) {
      recorder.record(Records.ok(1));
      recorder.record(Records.ok(2));
    }
    Files.writeString(run.resolve("records.tsv"), "3\t6\tidentity\tvali", StandardOpenOption.APPEND);
    try (RunRecorder recorder = open(run)) {
      recorder.record(Records.ok(4));
    }
    try (RecordReader<RequestRecord> reader = RecordReader.requests(run)) {
      assertThat(read(reader)).extracting(RequestRecord::startMs).containsExactly(1L, 2L, 4L);
      assertThat(reader.truncated()).isFalse();
    }
  }

  @Test
  void anUnusableFolderIsAOneLineErrorAtOpen() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    assertThatThrownBy(() -> RunRecorder.open(file.resolve("run")))
        .isInstanceOf(VigilException.class)
        .hasMessageStartingWith("Cannot record in " + file.resolve("run"))
        .hasMessageEndingWith("choose a writable --out folder");
    Path foreign = tmp.resolve("foreign");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("records.tsv"), "time,value\n1,2\n");
    assertThatThrownBy(() -> RunRecorder.open(foreign))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("records.tsv:1: expected the header '# vigil records v1'")
        .hasMessageEndingWith("choose an empty --out folder for a new run");
  }

  /** Polls: behaviour within a bound, without fixed sleeps. */
  static void awaitTrue(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeoutMs + " ms");
      }
      Thread.sleep(5);
    }
  }

  static long countRequests(Path run) {
    try (Stream<RequestRecord> s = RecordReader.requests(run).stream()) {
      return s.count();
    }
  }

  private static long countEvents(Path run) {
    try (Stream<EventRecord> s = RecordReader.events(run).stream()) {
      return s.count();
    }
  }

  private static <T> List<T> read(RecordReader<T> reader) {
    List<T> out = new ArrayList<>();
    try (reader) {
      reader.forEachRemaining(out::add);
    }
    return out;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static String text(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
