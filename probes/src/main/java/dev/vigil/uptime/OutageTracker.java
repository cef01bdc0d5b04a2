package dev.vigil.uptime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * Turns one stream of probe results (one service, one connection kind) into outages.
 *
 * <p><b>The rule.</b> An outage opens at the <em>start</em> time of the first failed probe and
 * closes at the <em>start</em> time of the next successful probe. The service really went down
 * somewhere between the last good probe's start and the first failed one's start, and came back
 * between the last failed one's start and the next good one's start; so each edge is off by at
 * most one probe period, in the same direction, and the measured length is off by at most one
 * period. Stamping by start (not end) keeps a slow timeout from stretching the outage. An outage
 * still open when the window ends closes at the window's end and is marked ongoing.
 *
 * <p><b>Order.</b> Records are appended when they <em>end</em>, so a probe that timed out after 10
 * s arrives after the probes sent during those 10 s. The tracker holds samples in a small reorder
 * buffer and applies the rule in start order once no earlier start can still arrive: a sample is
 * released when its start is more than {@code maxLatenessMs} before the latest end seen. Memory is
 * the probes of that span (e.g. 120 s × 10/s = 1,200 samples), whatever the window length. A
 * sample that still arrives too late (its request took longer than {@code maxLatenessMs}) cannot
 * be placed and is only counted in {@link #lateSamples()}.
 */
public final class OutageTracker {

  /** Longer than any sane request timeout (Gatling's default is 60 s). */
  public static final long DEFAULT_MAX_LATENESS_MS = 120_000;

  private record Sample(long startMs, boolean down, long seq) {}

  private final long maxLatenessMs;
  private final PriorityQueue<Sample> buffer = new PriorityQueue<>((a, b) -> a.startMs != b.startMs
      ? Long.compare(a.startMs, b.startMs) : Long.compare(a.seq, b.seq));
  private final List<Outage> outages = new ArrayList<>();
  private long seq;
  private long maxEndMs = Long.MIN_VALUE;
  private long lastReleasedStartMs = Long.MIN_VALUE;
  private boolean open;
  private long openStartMs;
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
   * @param down whether the probe failed by the uptime rule ({@code ErrorKind.countsAsOutage()})
   */
  public void add(long startMs, long endMs, boolean down) {
    samples++;
    if (startMs < lastReleasedStartMs) {
      lateSamples++;
      return;
    }
    buffer.add(new Sample(startMs, down, seq++));
    maxEndMs = Math.max(maxEndMs, Math.max(endMs, startMs));
    long watermark = maxEndMs - maxLatenessMs;
    while (!buffer.isEmpty() && buffer.peek().startMs < watermark) {
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
      clip(o.startMs(), o.endMs(), false, windowStartMs, windowEndMs, result);
    }
    if (open) {
      clip(openStartMs, Math.max(openStartMs, windowEndMs), true, windowStartMs, windowEndMs, result);
    }
    return new Downtime(result);
  }

  private void apply(Sample s) {
    lastReleasedStartMs = s.startMs;
    if (s.down && !open) {
      open = true;
      openStartMs = s.startMs;
    } else if (!s.down && open) {
      open = false;
      if (s.startMs > openStartMs) {
        outages.add(new Outage(openStartMs, s.startMs, false));
      }
    }
  }

  private static void clip(long start, long end, boolean ongoing, long from, long to, List<Outage> out) {
    long s = Math.max(start, from);
    long e = Math.min(end, to);
    if (e > s) {
      out.add(new Outage(s, e, ongoing));
    }
  }
}
