package dev.vigil.balancer;

import dev.vigil.VigilException;
import dev.vigil.recording.BalancerState;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.RunRecorder;
import dev.vigil.settings.BalancerSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The load balancer's view during the window: its servers' states read once a period, written as
 * BALANCER events, each server's state at the first reading and then each change, at the time of
 * the reading that saw it (so within one period of the true change). A reading that fails is said
 * once, with a NOTE, and again when readings come back; the window goes on either way.
 */
public final class BalancerWatch implements AutoCloseable {

  private final HaproxyStats stats;
  private final Consumer<EventRecord> events;
  private final Consumer<String> progress;
  private final LongSupplier clock;
  private final Map<String, String> last = new HashMap<>();
  private ScheduledExecutorService timer;
  private String failing;
  private long readings;

  BalancerWatch(HaproxyStats stats, Consumer<EventRecord> events, Consumer<String> progress, LongSupplier clock) {
    this.stats = stats;
    this.events = events;
    this.progress = progress;
    this.clock = clock;
  }

  /** The watch {@code balancer:} asks for, started; one that reads nothing when it names no balancer. */
  public static BalancerWatch of(BalancerSettings settings, Consumer<EventRecord> events, Consumer<String> progress) {
    return settings.enabled() ? start(HaproxyStats.of(settings.haproxy(), Duration.ofSeconds(5)), settings.every(), events, progress) : none();
  }

  /**
   * Events appended to a run folder's events.tsv line by line, beside the injector's own recorder
   * (for {@code vigil watch}, whose process has none); a failed append is said once.
   */
  public static Consumer<EventRecord> appendingTo(Path runDir, Consumer<String> warn) {
    java.util.concurrent.atomic.AtomicBoolean said = new java.util.concurrent.atomic.AtomicBoolean();
    return e -> {
      try {
        RunRecorder.appendEvent(runDir, e);
      } catch (IOException ex) {
        if (said.compareAndSet(false, true)) {
          warn.accept("cannot write the load balancer's states to " + runDir + " (" + ex.getMessage() + "); they are missing from this run");
        }
      }
    };
  }

  /** No balancer to read. */
  public static BalancerWatch none() {
    return new BalancerWatch(null, e -> { }, line -> { }, System::currentTimeMillis);
  }

  /** Reads now, then every {@code every} on its own thread until closed. */
  public static BalancerWatch start(HaproxyStats stats, Duration every, Consumer<EventRecord> events, Consumer<String> progress) {
    BalancerWatch w = new BalancerWatch(stats, events, progress, System::currentTimeMillis);
    w.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigil-balancer");
      t.setDaemon(true);
      return t;
    });
    progress.accept("vigil: reading " + stats.describe() + " every " + every.toMillis() + " ms for the servers' states");
    w.timer.scheduleWithFixedDelay(w::read, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return w;
  }

  /** One reading; package-visible for tests that drive the clock. */
  synchronized void read() {
    long at = clock.getAsLong();
    List<BalancerState> servers;
    try {
      servers = stats.servers();
    } catch (VigilException e) {
      if (failing == null) {
        failing = e.getMessage();
        progress.accept("vigil: WARNING: " + e.getMessage() + " (the load balancer's states are missing from here on, until it answers)");
        events.accept(EventRecord.note(at, null, "load balancer unreadable: " + e.getMessage()));
      }
      return;
    }
    if (failing != null) {
      failing = null;
      progress.accept("vigil: " + stats.describe() + " answers again");
      events.accept(EventRecord.note(at, null, "load balancer readable again"));
    }
    readings++;
    for (BalancerState s : servers) {
      String key = s.backend() + "/" + s.server();
      if (!s.state().equals(last.put(key, s.state()))) {
        events.accept(s.event(at, BackendServices.of(s.backend())));
      }
    }
  }

  synchronized long readings() {
    return readings;
  }

  @Override
  public void close() {
    if (timer == null) {
      return;
    }
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    progress.accept("vigil: " + stats.describe() + " read " + readings() + " time(s)");
  }
}
