package dev.vigil.influx;

import dev.vigil.VigilException;
import dev.vigil.settings.InfluxSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Sends a run folder's records, flows and events to InfluxDB, beside the folder (never instead of
 * it): while a window runs ({@link #start}, a daemon thread that tails the files) or afterwards
 * ({@link #push}). Probing never waits on InfluxDB: the window writes its files as always, and
 * this reads them. When InfluxDB is slow or down, the points simply stay in the files, and memory
 * holds one batch; {@code influx.cursor} in the folder says what was written, so {@code vigil
 * push} sends the rest later.
 *
 * <p>A failure of the sink is never a failure of the run: it says what happened in one line,
 * once (and once when InfluxDB is back), and the window goes on.
 */
public final class InfluxSink {

  /** Longest pause between two attempts while InfluxDB does not answer. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /**
   * What the points describe, besides the rows.
   *
   * @param injector the {@code injector} tag: which Vigil host sent the traffic
   * @param outageLatenessMs how long the outage events wait for a slow probe (see {@link RunPoints})
   */
  public record Run(String runId, String cloud, String injector, long outageLatenessMs) {}

  /**
   * @param written points InfluxDB took
   * @param pending rows of the folder not written yet
   * @param refused points of batches InfluxDB refused for good (a 400): not sent again
   */
  public record Summary(long written, long pending, long refused) {}

  private final Path runDir;
  private final InfluxTarget target;
  private final Consumer<String> say;
  private final PointWriter writer;
  private final Pump pump;
  private volatile boolean last;
  private volatile boolean giveUp;
  private Thread thread;
  private long written;
  private long refused;
  private long downSinceNanos = -1;
  private long writtenWhenDown;
  private boolean cursorWarned;
  private boolean refusedWarned;
  private Duration backoff = Duration.ofSeconds(1);

  private InfluxSink(Path runDir, Run run, InfluxTarget target, Cursor from, Consumer<String> say) {
    this.runDir = runDir;
    this.target = target;
    this.say = say;
    this.writer = writer(target);
    this.pump = new Pump(runDir, new RunPoints(run.runId(), run.cloud(), run.injector(), run.outageLatenessMs(),
        Math.round(dev.vigil.result.ProbePlan.read(runDir).periodMs())), from, target.batchSize());
  }

  /** The cursor's target: what the positions are valid for (never the secret). */
  static String targetKey(InfluxTarget target, String injector) {
    return target.api().name().toLowerCase(Locale.ROOT) + " " + target.describe() + " injector " + injector;
  }

  private static PointWriter writer(InfluxTarget target) {
    return target.api() == InfluxSettings.Api.V1 ? new V1Writer(target, REQUEST_TIMEOUT) : new V2Writer(target, REQUEST_TIMEOUT);
  }

  /** Starts tailing {@code runDir} (its files may not exist yet) in a daemon thread. */
  public static InfluxSink start(Path runDir, Run run, InfluxTarget target, Consumer<String> say) {
    InfluxSink sink = new InfluxSink(runDir, run, target, Cursor.load(runDir, targetKey(target, run.injector())), say);
    say.accept("influx: sending the window's points to " + target.describe() + " (injector " + run.injector() + ")");
    sink.thread = new Thread(sink::loop, "vigil-influx-sink");
    sink.thread.setDaemon(true);
    sink.thread.start();
    return sink;
  }

  /**
   * The files are complete: sends what is left, waiting at most {@code wait}, then says how many
   * points were written and how many are pending.
   */
  public Summary stop(Duration wait) throws InterruptedException {
    last = true;
    thread.join(Math.max(1, wait.toMillis()));
    if (thread.isAlive()) {
      giveUp = true;
      thread.interrupt();
      thread.join(REQUEST_TIMEOUT.toMillis() + 1000);
    }
    return conclude(true);
  }

  /**
   * Sends what {@code influx.cursor} says was not written yet ({@code all}: everything), in this
   * thread, from a finished run folder; gives up after {@code patience} of failures.
   *
   * @throws VigilException when InfluxDB does not take the points (after what it took is saved)
   */
  public static Summary push(Path runDir, Run run, InfluxTarget target, boolean all, Duration patience, Consumer<String> say) {
    String key = targetKey(target, run.injector());
    Cursor from = all ? Cursor.start(key) : Cursor.load(runDir, key);
    String other = Cursor.targetIn(runDir);
    if (!all && other != null && !other.equals(key)) {
      say.accept("influx: " + Cursor.FILE + " is for another target (" + other + "); sending everything to this one");
    }
    InfluxSink sink = new InfluxSink(runDir, run, target, from, say);
    sink.last = true;
    try {
      sink.run(patience.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Summary s = sink.conclude(false);
    if (!sink.pump.caughtUp()) {
      throw new VigilException("influx: " + sink.lastFailure + "; " + s.written() + " points written, " + s.pending()
          + " pending: run vigil push " + runDir + " again once InfluxDB takes them");
    }
    return s;
  }

  private String lastFailure = "no answer";

  private void loop() {
    try {
      run(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      // stop() gave up waiting: what is left stays in the folder for vigil push
    } catch (RuntimeException e) {
      say.accept("influx: the sink stopped (" + e.getMessage() + "); the run folder keeps every record: send them with vigil push " + runDir);
    }
  }

  /** Reads and sends until the files are complete and sent, InfluxDB fails for {@code patienceNanos}, or giveUp. */
  private void run(long patienceNanos) throws InterruptedException {
    while (!giveUp) {
      boolean isLast = last;
      pump.fill(isLast);
      boolean due = pump.full() || (!pump.batch().isEmpty() && (isLast || pump.batchAgeMs() >= target.flushInterval().toMillis()));
      if (due) {
        if (!send()) {
          long downNanos = System.nanoTime() - downSinceNanos;
          if (downNanos >= patienceNanos) {
            return;
          }
          Thread.sleep(Math.min(backoff.toMillis(), Math.max(1, (patienceNanos - downNanos) / 1_000_000)));
          backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        continue;
      }
      if (isLast && pump.caughtUp()) {
        return;
      }
      Thread.sleep(isLast ? 10 : 100);
    }
  }

  /** One attempt at the batch; false when it must be tried again later. */
  private boolean send() {
    int n = pump.batch().size();
    try {
      writer.write(pump.batch());
      written += n;
    } catch (PointWriter.WriteFailure f) {
      if (f.retry()) {
        lastFailure = f.getMessage();
        if (downSinceNanos < 0) {
          downSinceNanos = System.nanoTime();
          writtenWhenDown = written;
          say.accept("influx: " + f.getMessage() + "; the points wait in the run folder and go out when it takes them (retrying)");
        }
        return false;
      }
      refused += n;
      if (!refusedWarned) {
        refusedWarned = true;
        say.accept("influx: " + f.getMessage() + "; those points are skipped (the rows stay in the run folder)");
      }
    }
    if (downSinceNanos >= 0) {
      say.accept(String.format(Locale.ROOT, "influx: %s takes points again after %.1f s; %d points written so far",
          target.url(), (System.nanoTime() - downSinceNanos) / 1e9, written));
      downSinceNanos = -1;
    }
    backoff = Duration.ofSeconds(1);
    Cursor now = pump.batchDone();
    try {
      now.save(runDir);
    } catch (IOException | RuntimeException e) {
      if (!cursorWarned) {
        cursorWarned = true;
        say.accept("influx: cannot save the sent position in " + runDir.resolve(Cursor.FILE) + " (" + e.getMessage()
            + "); the window goes on, and vigil push --all " + runDir + " resends everything if needed");
      }
    }
    return true;
  }

  private Summary conclude(boolean print) {
    long pending = pump.pendingRows();
    if (!pump.caughtUp() && pending == 0 && !pump.sent().finished()) {
      pending = Math.max(pending, pump.batch().size());
    }
    pump.close();
    writer.close();
    if (pump.damagedLines() > 0) {
      say.accept("influx: " + pump.damagedLines() + " damaged lines of the run folder were skipped");
    }
    Summary s = new Summary(written, pending, refused);
    if (print) {
      say.accept("influx: " + written + " points written" + (refused > 0 ? ", " + refused + " refused" : "") + ", " + pending + " pending"
          + (pending > 0 ? " (send them later with: vigil push " + runDir + ")" : ""));
    }
    return s;
  }
}
