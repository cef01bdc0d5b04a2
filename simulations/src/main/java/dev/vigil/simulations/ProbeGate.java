package dev.vigil.simulations;

import dev.vigil.probe.ProbeRequest;
import dev.vigil.recording.Connection;
import dev.vigil.recording.RequestRecord;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Bounds the uptime probes in flight per service and connection kind ({@code probe.max_in_flight}).
 * Probes are an open model: on an API that slows down, a new one leaves every period whatever the
 * others do, and with a 10 s timeout up to rate × timeout of them pile up on the service being
 * measured, so Vigil's own pressure becomes what it reports. At the cap the probe due is not sent
 * and is recorded as held back: a slow API is not a down one, and the probes still in flight will
 * say which it was. The person watching is told when a stream starts and stops holding back.
 */
final class ProbeGate {

  /** Keeps 10 probes/s flowing while answers take up to about 1 s. */
  static final int DEFAULT_MAX_IN_FLIGHT = 10;
  /**
   * A spell of holding back ends after this long without a probe held back: on an API that answers
   * in about max/rate seconds the cap is reached and left several times a second, and one line per
   * crossing would drown the person watching.
   */
  static final long DEFAULT_QUIET_MS = 5_000;

  private final int max;
  private final long quietMs;
  private final Consumer<RequestRecord> records;
  private final Consumer<Stream> onHold;
  private final Consumer<Stream> onResume;
  private final Map<String, Stream> streams = new ConcurrentHashMap<>();

  /**
   * @param max probes in flight at most per service and connection kind
   * @param records where held-back probes are recorded
   * @param quietMs a spell of holding back ends after this long without a probe held back
   * @param onHold called once when a stream starts a spell of holding back
   * @param onResume called once when the spell ends (a probe is sent {@code quietMs} after the last
   *     one held back), with what it held back
   */
  ProbeGate(int max, long quietMs, Consumer<RequestRecord> records, Consumer<Stream> onHold, Consumer<Stream> onResume) {
    if (max < 1) {
      throw new IllegalArgumentException("max in flight must be at least 1, not " + max);
    }
    this.max = max;
    this.quietMs = quietMs;
    this.records = records;
    this.onHold = onHold;
    this.onResume = onResume;
  }

  int max() {
    return max;
  }

  /**
   * Whether the probe due now may be sent. If so the caller must call {@link #finish} when it ends,
   * answered or not; if not it has been recorded as held back.
   */
  boolean tryStart(String service, ProbeRequest probe, Connection kind, long dueMs) {
    Stream s = streams.computeIfAbsent(key(service, kind), k -> new Stream(service, kind));
    while (true) {
      int n = s.inFlight.get();
      if (n >= max) {
        s.heldBack.incrementAndGet();
        records.accept(RequestRecord.heldBack(dueMs, service, probe.name(), probe.method(), kind));
        synchronized (s) {
          s.lastHeldMs = dueMs;
          if (s.holdingSince == 0) {
            s.holdingSince = dueMs;
            s.heldAtHold = s.heldBack.get() - 1;
            onHold.accept(s);
          }
        }
        return false;
      }
      if (s.inFlight.compareAndSet(n, n + 1)) {
        break;
      }
    }
    synchronized (s) {
      if (s.holdingSince != 0 && dueMs - s.lastHeldMs >= quietMs) {
        onResume.accept(s);
        s.holdingSince = 0;
      }
    }
    return true;
  }

  /** A probe that {@link #tryStart} let through has ended. */
  void finish(String service, Connection kind) {
    Stream s = streams.get(key(service, kind));
    if (s != null) {
      s.inFlight.decrementAndGet();
    }
  }

  /** Probes of the service in flight now, over its connection kinds. */
  int inFlight(String service) {
    return streams.values().stream().filter(s -> s.service.equals(service)).mapToInt(s -> s.inFlight.get()).sum();
  }

  /** Probes of the service held back so far, over its connection kinds. */
  long heldBack(String service) {
    return streams.values().stream().filter(s -> s.service.equals(service)).mapToLong(s -> s.heldBack.get()).sum();
  }

  private static String key(String service, Connection kind) {
    return service + '\t' + kind;
  }

  /** One service and connection kind. */
  static final class Stream {
    final String service;
    final Connection kind;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicLong heldBack = new AtomicLong();
    /** Due time of the first probe held back in the current spell; 0 when sending. */
    long holdingSince;
    /** Due time of the last probe held back. */
    long lastHeldMs;
    long heldAtHold;

    Stream(String service, Connection kind) {
      this.service = service;
      this.kind = kind;
    }

    String label() {
      return service + " (" + kind.name().toLowerCase(Locale.ROOT) + ")";
    }

    /** Probes held back in the spell that just ended (valid in onResume). */
    long heldThisSpell() {
      return heldBack.get() - heldAtHold;
    }

    /** From the first to the last probe held back in the spell that just ended, in ms (valid in onResume). */
    long spellMs() {
      return lastHeldMs - holdingSince;
    }
  }
}
