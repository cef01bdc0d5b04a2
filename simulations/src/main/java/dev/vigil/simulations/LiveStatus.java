package dev.vigil.simulations;

import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.Traffic;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * The live line per service that a person watching a window reads: requests, failures, whether
 * the service is down right now, and its uptime probes in flight and held back (the in-flight cap). Lines start with {@link #PREFIX} so the CLI can pick them out.
 */
final class LiveStatus {

  static final String PREFIX = "[vigil] ";
  /**
   * Where the lines go: the child's stderr, a pipe the CLI reads. Gatling's own output (stdout) goes
   * to a file in the run folder, which stops growing when that disk is full, and these lines (a
   * full disk among them) must still reach the person watching.
   */
  static final PrintStream OUT = System.err;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Map<String, Counters> services = new LinkedHashMap<>();
  private final ToIntFunction<String> inFlight;

  /** @param inFlight a service's uptime probes in flight now */
  LiveStatus(List<String> serviceTypes, ToIntFunction<String> inFlight) {
    serviceTypes.forEach(s -> services.put(s, new Counters()));
    this.inFlight = inFlight;
  }

  /** Called for every probe; must stay cheap (two atomic increments and a volatile write). */
  void count(RequestRecord r) {
    Counters c = services.get(r.service());
    if (c == null) {
      return;
    }
    if (r.isHeldBack()) {
      c.heldBack.incrementAndGet(); // not sent: neither a request nor a failure, and says nothing of up or down
      return;
    }
    c.requests.incrementAndGet();
    if (!r.ok()) {
      c.failures.incrementAndGet();
    }
    if (r.traffic() != Traffic.PROBE) {
      return;
    }
    if (r.isProbeFailure()) {
      c.downSince.compareAndSet(0, r.startMs());
    } else {
      c.downSince.set(0);
    }
  }

  /** Called once per accepted create when its outcome is known. */
  void flow(FlowRecord f) {
    Counters c = services.get(f.service());
    if (c == null) {
      return;
    }
    switch (f.outcome()) {
      case HONOURED -> c.honoured.incrementAndGet();
      case FAILED -> c.flowsFailed.incrementAndGet();
      case LOST -> c.lost.incrementAndGet();
    }
  }

  void breakerOpen(String service) {
    Counters c = services.get(service);
    if (c != null) {
      c.breakerOpen = true;
    }
  }

  /** One line for the person watching. */
  static void say(String text) {
    OUT.println(PREFIX + text);
  }

  void print(PrintStream out) {
    long now = System.currentTimeMillis();
    String time = LocalTime.now(ZoneOffset.UTC).format(TIME);
    services.forEach(
        (service, c) -> {
          long down = c.downSince.get();
          String state = down == 0 ? "up" : String.format("DOWN for %.1f s", (now - down) / 1000.0);
          String flows = c.honoured.get() + c.flowsFailed.get() + c.lost.get() == 0 && !c.breakerOpen ? ""
              : String.format("  flows %d honoured %d failed %d lost%s", c.honoured.get(), c.flowsFailed.get(), c.lost.get(),
                  c.breakerOpen ? " (circuit breaker open)" : "");
          out.printf("%s%s %-14s %8d requests %6d failed  %s  in flight %d  held back %d%s%n", PREFIX, time, service, c.requests.get(),
              c.failures.get(), state, inFlight.applyAsInt(service), c.heldBack.get(), flows);
        });
    out.flush();
  }

  private static final class Counters {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong downSince = new AtomicLong();
    final AtomicLong honoured = new AtomicLong();
    final AtomicLong flowsFailed = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong heldBack = new AtomicLong();
    volatile boolean breakerOpen;
  }
}
