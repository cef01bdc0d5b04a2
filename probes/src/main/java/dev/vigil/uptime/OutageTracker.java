package dev.vigil.uptime;

import dev.vigil.recording.ErrorKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * Turns one stream of probe results (one service, one connection kind) into outages.
 *
 * <p><b>The rule</b> (the one place it is applied; docs/observers.md explains it to users). Each
 * probe brackets the state of the service between its start and its answer. A success says the
 * service accepted it soon after it was sent, so it is placed at its <em>start</em>. A failure that
 * was an answer (refused, reset, 5xx, 401 for a valid token) says the service was down when that
 * answer was made, so it is placed at its <em>end</em>: a probe that waited in a queue and was
 * failed by the outage is placed where the outage failed it, not where it began waiting, and a probe
 * sent later that still succeeded keeps the outage from opening early. A timeout says nothing came
 * back from the moment it was sent, so it is placed at its <em>start</em>, and a slow timeout does
 * not stretch the outage.
 *
 * <p>In that order, an outage opens at the first failure and closes at the next success. The true
 * start lies between the last success before and the first failure, the true end between the latest
 * start of a failure and the next success: each edge is late by at most that gap, which the outage carries as
 * its uncertainty (one probe period when probes flow at the planned rate; more when probes were
 * held back or the injector stalled). Both edges err the same way, so the length is off by at most
 * one period. An outage still open when the window ends closes at the window's end and is marked
 * ongoing.
 *
 * <p><b>Order.</b> Records are appended when they <em>end</em>, so a probe that timed out after 10
 * s arrives after the probes sent during those 10 s. The tracker holds samples in a small reorder
 * buffer and applies the rule in order of their instants once no earlier one can still arrive: a
 * sample is released when its instant is more than {@code maxLatenessMs} before the latest end seen.
 * Memory is the probes of that span (e.g. 120 s × 10/s = 1,200 samples), whatever the window length.
 * A sample that still arrives too late (its request took longer than {@code maxLatenessMs}) cannot
 * be placed and is only counted in {@link #lateSamples()}.
 */
public final class OutageTracker {

  /** Longer than any sane request timeout (Gatling's default is 60 s). */
  public static final long DEFAULT_MAX_LATENESS_MS = 120_000;

  /** A probe placed at its instant (see the rule); {@code startMs} bounds an outage with no success before it. */
  private record Sample(long atMs, long startMs, boolean down, long seq) {}

  private final long maxLatenessMs;
  private final PriorityQueue<Sample> buffer = new PriorityQueue<>((a, b) -> a.atMs != b.atMs
      ? Long.compare(a.atMs, b.atMs) : Long.compare(a.seq, b.seq));
  private final List<Outage> outages = new ArrayList<>();
  private long seq;
  private long maxEndMs = Long.MIN_VALUE;
  private long lastReleasedMs = Long.MIN_VALUE;
  private long lastUpMs = Long.MIN_VALUE;
  private long latestDownStartMs;
  private boolean open;
  private long openStartMs;
  private long openUncertaintyMs;
  private long samples;
  private long lateSamples;

  public OutageTracker() {
    this(DEFAULT_MAX_LATENESS_MS);
  }

  public OutageTracker(long maxLatenessMs) {
    if (maxLatenessMs < 0) {
      throw new IllegalArgumentException("maxLatenessMs must not be negative");
    }
    this.maxLatenessMs = maxLatenessMs;
  }

  /**
   * Adds one probe result.
   *
   * @param kind how it ended: {@link ErrorKind#countsAsOutage()} decides whether the service was down
   */
  public void add(long startMs, long endMs, ErrorKind kind) {
    samples++;
    boolean down = kind.countsAsOutage();
    long at = down && kind != ErrorKind.TIMEOUT ? Math.max(endMs, startMs) : startMs;
    if (at < lastReleasedMs) {
      lateSamples++;
      return;
    }
    buffer.add(new Sample(at, startMs, down, seq++));
    maxEndMs = Math.max(maxEndMs, Math.max(endMs, startMs));
    long watermark = maxEndMs - maxLatenessMs;
    while (!buffer.isEmpty() && buffer.peek().atMs < watermark) {
      apply(buffer.poll());
    }
  }

  /** Start of the outage in progress among the samples already placed, if any (for live views). */
  public OptionalLong openSinceMs() {
    return open ? OptionalLong.of(openStartMs) : OptionalLong.empty();
  }

  /**
   * The outages closed so far among the samples already placed, oldest first (a live view: the
   * list grows as samples are added). Not cut to a window; {@link #finish} does that.
   */
  public List<Outage> closed() {
    return Collections.unmodifiableList(outages);
  }

  public long samples() {
    return samples;
  }

  /** Samples that arrived after later-starting ones were already placed, and were ignored. */
  public long lateSamples() {
    return lateSamples;
  }

  /**
   * Places every buffered sample and returns the outages cut to {@code [windowStartMs,
   * windowEndMs]}; an outage open at the end closes at {@code windowEndMs} as ongoing. Further
   * samples may be added after, and finish called again.
   */
  public Downtime finish(long windowStartMs, long windowEndMs) {
    while (!buffer.isEmpty()) {
      apply(buffer.poll());
    }
    List<Outage> result = new ArrayList<>(outages.size() + 1);
    for (Outage o : outages) {
      clip(o, windowStartMs, windowEndMs, result);
    }
    if (open) {
      if (openStartMs < windowEndMs) {
        clip(new Outage(openStartMs, windowEndMs, true, openUncertaintyMs, 0), windowStartMs, windowEndMs, result);
      } else {
        // the failure was answered after the window closed, but the service may have been down inside it:
        // a failure is evidence, so it keeps an outage from its earliest possible start to the window's end
        clip(new Outage(Math.min(openStartMs - openUncertaintyMs, windowEndMs), windowEndMs, true), windowStartMs,
            windowEndMs, result);
      }
    }
    return new Downtime(result);
  }

  private void apply(Sample s) {
    lastReleasedMs = s.atMs;
    if (s.down) {
      if (!open) {
        open = true;
        openStartMs = s.atMs;
        latestDownStartMs = Long.MIN_VALUE;
        // with no success before it, the stream began inside the outage: the probe's own start is all we know
        openUncertaintyMs = s.atMs - (lastUpMs == Long.MIN_VALUE ? Math.min(s.startMs, s.atMs) : lastUpMs);
      }
      // the service was down at some instant of each failure's bracket, so it came back after every one's start
      latestDownStartMs = Math.max(latestDownStartMs, Math.min(s.startMs, s.atMs));
    } else {
      if (open) {
        open = false;
        if (s.atMs > openStartMs) {
          outages.add(new Outage(openStartMs, s.atMs, false, openUncertaintyMs, Math.max(0, s.atMs - latestDownStartMs)));
        }
      }
      lastUpMs = s.atMs;
    }
  }

  /** An edge moved to the window's bound is the window's, so it carries no uncertainty. */
  private static void clip(Outage o, long from, long to, List<Outage> out) {
    long s = Math.max(o.startMs(), from);
    long e = Math.min(o.endMs(), to);
    if (e > s) {
      out.add(new Outage(s, e, o.ongoing(), s == o.startMs() ? o.startUncertaintyMs() : 0,
          e == o.endMs() && !o.ongoing() ? o.endUncertaintyMs() : 0));
    }
  }
}
