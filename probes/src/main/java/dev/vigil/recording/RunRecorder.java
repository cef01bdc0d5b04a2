package dev.vigil.recording;

import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Appends requests, flows and events to a run folder ({@code records.tsv}, {@code flows.tsv},
 * {@code events.tsv}) without ever blocking the caller.
 *
 * <p>{@link #record}, {@link #flow} and {@link #event} only put the record on a lock-free queue;
 * one daemon thread drains it and appends whole lines, flushing at least every {@link
 * Options#flushIntervalMs()} (100 ms by default), so a {@code kill -9} loses well under a second.
 *
 * <p>Memory stays flat: the writer drains continuously, and at most {@link Options#capacity()}
 * records may wait. If the disk cannot keep up that long, further records are dropped and counted
 * in {@link #lost()} (said once through {@code onProblem}) rather than blocking the load generator
 * or growing the heap.
 *
 * <p>If writing fails (disk full, folder removed) the recorder says so once through {@code
 * onProblem}, stops writing, and counts every later record as lost; it never throws into the
 * caller and never rewrites what is already on disk.
 */
public final class RunRecorder implements AutoCloseable {

  /** How long {@link #close()} waits for the writer before giving up on what is left. */
  private static final long CLOSE_WAIT_MS = 30_000;
  /** How long the idle writer sleeps; it is not woken per record, which would cost the caller. */
  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final int BATCH = 4096;

  private final Path folder;
  private final Options options;
  private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final LongAdder lost = new LongAdder();
  private final AtomicBoolean closeCalled = new AtomicBoolean();
  private final FileSink<RequestRecord> requests;
  private final FileSink<FlowRecord> flows;
  private final FileSink<EventRecord> events;
  private final List<FileSink<?>> sinks;
  private final Thread writer;
  /** Written by the writer thread only. */
  private volatile long written;
  private volatile boolean closing;
  private volatile boolean failed;
  private volatile boolean overflowed;
  private boolean overflowReported;

  /**
   * How the recorder behaves.
   *
   * @param capacity most records that may wait for the writer; more are dropped and counted lost
   * @param flushIntervalMs longest time a written record stays in memory, 1–200 ms
   * @param onProblem receives each problem once, as one line (called from the writer thread)
   */
  public record Options(int capacity, long flushIntervalMs, Consumer<String> onProblem) {

    public static final int DEFAULT_CAPACITY = 100_000;
    public static final long DEFAULT_FLUSH_INTERVAL_MS = 100;

    public Options {
      if (capacity <= 0) {
        throw new IllegalArgumentException("capacity must be greater than 0");
      }
      if (flushIntervalMs < 1 || flushIntervalMs > 200) {
        throw new IllegalArgumentException("flushIntervalMs must be between 1 and 200");
      }
      Objects.requireNonNull(onProblem, "onProblem");
    }

    /** 100,000 waiting records (about 20 MB), 100 ms flushes, problems logged as warnings. */
    public static Options defaults() {
      return new Options(DEFAULT_CAPACITY, DEFAULT_FLUSH_INTERVAL_MS,
          LoggerFactory.getLogger(RunRecorder.class)::warn);
    }

    public Options withCapacity(int capacity) {
      return new Options(capacity, flushIntervalMs, onProblem);
    }

    public Options withOnProblem(Consumer<String> onProblem) {
      return new Options(capacity, flushIntervalMs, onProblem);
    }
  }

  private RunRecorder(Path folder, Options options) throws IOException {
    this.folder = folder;
    this.options = options;
    this.requests = FileSink.open(folder, RunFile.REQUESTS);
    FileSink<FlowRecord> f = null;
    try {
      f = FileSink.open(folder, RunFile.FLOWS);
      this.events = FileSink.open(folder, RunFile.EVENTS);
    } catch (IOException | RuntimeException e) {
      requests.abandon();
      if (f != null) {
        f.abandon();
      }
      throw e;
    }
    this.flows = f;
    this.sinks = List.of(requests, flows, events);
    this.writer = new Thread(this::run, "vigil-recorder-" + folder.getFileName());
    writer.setDaemon(true);
  }

  /** Opens (or continues) the run folder {@code folder}, creating it if needed. */
  public static RunRecorder open(Path folder) {
    return open(folder, Options.defaults());
  }

  public static RunRecorder open(Path folder, Options options) {
    RunRecorder recorder;
    try {
      Files.createDirectories(folder);
      recorder = new RunRecorder(folder, options);
    } catch (IOException e) {
      throw new VigilException("Cannot record in " + folder + ": " + reason(e)
          + "; choose a writable --out folder");
    }
    recorder.writer.start();
    return recorder;
  }

  /**
   * Appends one event to a run folder with no recorder of its own open: the CLI noting how the
   * injector's JVM ended, once that JVM (and its recorder) is gone. One whole-line append, like the
   * recorder's, so another process appending at the same time cannot cut it.
   */
  public static void appendEvent(Path folder, EventRecord event) throws IOException {
    FileSink<EventRecord> sink = FileSink.open(folder, RunFile.EVENTS);
    try {
      sink.append(event);
      sink.flush();
    } finally {
      sink.close();
    }
  }

  /** Queues one request record; never blocks, never throws (except for a null record). */
  public void record(RequestRecord record) {
    offer(Objects.requireNonNull(record, "record"));
  }

  public void flow(FlowRecord flow) {
    offer(Objects.requireNonNull(flow, "flow"));
  }

  public void event(EventRecord event) {
    offer(Objects.requireNonNull(event, "event"));
  }

  /** Records (of all three kinds) on disk so far. */
  public long written() {
    return written;
  }

  /** Records that were not written: queue full, writing failed, or recorded after close. */
  public long lost() {
    return lost.sum();
  }

  /** Records waiting for the writer. */
  public int pending() {
    return pending.get();
  }

  /** Whether writing has failed; then every later record is lost. */
  public boolean failed() {
    return failed;
  }

  public Path folder() {
    return folder;
  }

  /** Writes everything queued so far, syncs the files and stops the writer. Idempotent. */
  @Override
  public void close() {
    if (!closeCalled.compareAndSet(false, true)) {
      return;
    }
    closing = true;
    LockSupport.unpark(writer);
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MS);
    while (writer.isAlive() && System.nanoTime() < deadline) {
      try {
        writer.join(100);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (writer.isAlive()) {
      problem("Recording did not finish writing " + pending.get() + " records to " + folder
          + " within " + CLOSE_WAIT_MS / 1000 + " s; they are counted as lost — check the disk");
      lost.add(pending.get());
    } else {
      // A record that raced with close() may still sit in the queue: it was not written.
      while (queue.poll() != null) {
        pending.decrementAndGet();
        lost.increment();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void offer(Object item) {
    if (closing || failed) {
      lost.increment();
      return;
    }
    if (pending.incrementAndGet() > options.capacity()) {
      pending.decrementAndGet();
      lost.increment();
      overflowed = true;
      return;
    }
    queue.offer(item);
  }

  private void run() {
    try {
      loop();
    } catch (RuntimeException | Error e) {
      // A bug here must not leave callers queueing into a dead writer: stop and count as lost.
      if (!failed) {
        fail(requests, e);
      }
      while (queue.poll() != null) {
        pending.decrementAndGet();
        lost.increment();
      }
    }
  }

  private void loop() {
    long flushNanos = TimeUnit.MILLISECONDS.toNanos(options.flushIntervalMs());
    long lastFlush = System.nanoTime();
    while (true) {
      boolean stopping = closing;
      int drained = drain(stopping ? Integer.MAX_VALUE : BATCH);
      long now = System.nanoTime();
      if (stopping || now - lastFlush >= flushNanos) {
        flushAll();
        lastFlush = now;
      }
      if (overflowed && !overflowReported) {
        overflowReported = true;
        problem("Recording falls behind: more than " + options.capacity() + " records wait to be written to "
            + folder + "; further ones are dropped and counted as lost — use a faster disk or a lower rate");
      }
      if (stopping && queue.isEmpty()) {
        break;
      }
      if (drained == 0) {
        LockSupport.parkNanos(this, IDLE_PARK_NANOS);
      }
    }
    finish();
  }

  private int drain(int max) {
    int n = 0;
    Object item;
    while (n < max && (item = queue.poll()) != null) {
      n++;
      if (failed) {
        lost.increment();
        continue;
      }
      FileSink<?> sink = append(item);
      if (sink.wantsFlush()) {
        flush(sink);
      }
    }
    // Once per batch, not per record: the counter is shared with every caller.
    pending.addAndGet(-n);
    return n;
  }

  private FileSink<?> append(Object item) {
    if (item instanceof RequestRecord r) {
      requests.append(r);
      return requests;
    }
    if (item instanceof FlowRecord f) {
      flows.append(f);
      return flows;
    }
    events.append((EventRecord) item);
    return events;
  }

  private void flushAll() {
    for (FileSink<?> sink : sinks) {
      if (failed) {
        return;
      }
      flush(sink);
    }
  }

  private void flush(FileSink<?> sink) {
    int count = sink.unflushed;
    try {
      sink.flush();
      written += count;
    } catch (IOException | RuntimeException e) {
      fail(sink, e);
    }
  }

  /** Once writing fails nothing more is written, so what is on disk stays as it was. */
  private void fail(FileSink<?> sink, Throwable e) {
    failed = true;
    for (FileSink<?> s : sinks) {
      lost.add(s.unflushed);
      s.abandon();
    }
    String why = e instanceof FileSink.RemovedException ? "the run folder or the file was removed" : reason(e);
    problem("Recording stopped: cannot write " + sink.path + " (" + why + "); the " + written
        + " records already written are kept and later ones are counted as lost"
        + " — keep the run folder in place and make sure its disk has space");
  }

  private void finish() {
    if (failed) {
      return;
    }
    long lostSoFar = lost.sum();
    if (lostSoFar > 0) {
      // Leave the loss in the run folder itself, so the analysis can report it.
      events.append(new EventRecord(System.currentTimeMillis(), EventKind.RECORDER, null,
          "written=" + written + " lost=" + lostSoFar));
      flush(events);
    }
    for (FileSink<?> sink : sinks) {
      try {
        sink.close();
      } catch (IOException e) {
        if (!failed) {
          fail(sink, e);
        }
      }
    }
  }

  private void problem(String message) {
    try {
      options.onProblem().accept(message);
    } catch (RuntimeException ignored) {
      // A broken callback must not stop the recording.
    }
  }

  private static String reason(Throwable e) {
    String m = e.getMessage();
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
