package dev.vigil.influx;

import dev.vigil.recording.EventRecord;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.TailReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a run folder's three files as they grow and builds the next batch of points: the run
 * folder is the buffer, and memory holds one batch.
 *
 * <p>The files are always read from their start, so every point is computed from the same rows
 * before it (see {@link RunPoints}); rows the cursor says were sent are mapped, then dropped.
 * Events are read before requests, and a request that started less than {@link #HOLD_MS} before
 * the events were read waits: a phase mark is written by another process (up to its recorder's
 * 100 ms flush later), and a request must not be tagged with the previous phase because its mark
 * was not on disk yet.
 */
final class Pump implements AutoCloseable {

  static final long HOLD_MS = 500;
  private static final Consumer<String> DROP = line -> {};

  private final Path runDir;
  private final RunPoints points;
  private final int batchSize;
  private final TailReader<RequestRecord> records;
  private final TailReader<FlowRecord> flows;
  private final TailReader<EventRecord> events;
  private final List<String> batch = new ArrayList<>();
  private final Consumer<String> add = batch::add;
  private Cursor sent;
  private RequestRecord held;
  private long heldOffset;
  private long recordsEnd;
  private long flowsEnd;
  private long eventsEnd;
  private boolean recordsExhausted;
  private boolean finishMapped;
  private boolean finishInBatch;
  private long batchStartNanos;

  Pump(Path runDir, RunPoints points, Cursor sent, int batchSize) {
    this.runDir = runDir;
    this.points = points;
    this.sent = sent;
    this.batchSize = batchSize;
    this.records = TailReader.requests(runDir, 0);
    this.flows = TailReader.flows(runDir, 0);
    this.events = TailReader.events(runDir, 0);
  }

  /**
   * Adds to the batch what the files hold now, up to the batch size (events and flows, a few
   * lines, always).
   *
   * @param last the files are complete (the window and its writers are done): hold nothing back,
   *     and close the outages still open
   */
  void fill(boolean last) {
    int before = batch.size();
    long horizon = last ? Long.MAX_VALUE : System.currentTimeMillis() - HOLD_MS;
    for (EventRecord e; (e = events.next()) != null; ) {
      points.event(e, events.offset() <= sent.events() ? DROP : add);
    }
    eventsEnd = events.offset();
    for (FlowRecord f; (f = flows.next()) != null; ) {
      points.flow(f, flows.offset() <= sent.flows() ? DROP : add);
    }
    flowsEnd = flows.offset();
    while (batch.size() < batchSize) {
      RequestRecord r;
      long end;
      if (held != null) {
        r = held;
        end = heldOffset;
        held = null;
      } else {
        r = records.next();
        end = records.offset();
      }
      if (r == null) {
        recordsExhausted = true;
        break;
      }
      recordsExhausted = false;
      if (r.startMs() >= horizon) {
        held = r;
        heldOffset = end;
        break;
      }
      points.request(r, end <= sent.records() ? DROP : add);
      recordsEnd = end;
    }
    if (last && recordsExhausted && held == null && !finishMapped) {
      finishMapped = true;
      finishInBatch = !sent.finished();
      points.finish(sent.finished() ? DROP : add);
    }
    if (before == 0 && !batch.isEmpty()) {
      batchStartNanos = System.nanoTime();
    }
  }

  List<String> batch() {
    return batch;
  }

  boolean full() {
    return batch.size() >= batchSize;
  }

  long batchAgeMs() {
    return batch.isEmpty() ? 0 : (System.nanoTime() - batchStartNanos) / 1_000_000;
  }

  /** Everything read is sent, and (when the files are complete) nothing is left to read. */
  boolean caughtUp() {
    return batch.isEmpty() && recordsExhausted && held == null && finishMapped;
  }

  /** The position once the batch is written. */
  Cursor afterBatch() {
    return new Cursor(sent.target(), Math.max(recordsEnd, sent.records()), Math.max(flowsEnd, sent.flows()),
        Math.max(eventsEnd, sent.events()), sent.finished() || finishInBatch);
  }

  /** The batch is written (or refused for good): it becomes the sent position. */
  Cursor batchDone() {
    sent = afterBatch();
    batch.clear();
    finishInBatch = false;
    return sent;
  }

  Cursor sent() {
    return sent;
  }

  long damagedLines() {
    return records.damaged() + flows.damaged() + events.damaged();
  }

  /** Rows after the sent position: points that still have to be written. */
  long pendingRows() {
    return rowsAfter(records.file(), sent.records()) + rowsAfter(flows.file(), sent.flows()) + rowsAfter(events.file(), sent.events());
  }

  /** Lines after {@code offset}, less the two header lines when counting from the start. */
  private static long rowsAfter(Path file, long offset) {
    if (!Files.isRegularFile(file)) {
      return 0;
    }
    long lines = 0;
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(Math.min(offset, Files.size(file)));
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return offset == 0 ? Math.max(0, lines - 2) : lines;
  }

  Path runDir() {
    return runDir;
  }

  @Override
  public void close() {
    records.close();
    flows.close();
    events.close();
  }
}
