package dev.vigil.result;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Finds the stretches of one probe stream (a service and a connection kind) in which no probe was
 * sent: nothing new is known of the service there, and an outage that short could hide. Probes due
 * but held back by the in-flight cap were not sent either: the injector was alive and chose not to
 * add pressure to a slow API, which is right, but the stretch is no better observed for it; the gap
 * says it was held back, so the cause can say so.
 *
 * <p>Records arrive in the order their requests ended, not started; a reorder buffer puts their
 * starts back in order, as the outage tracker does, so memory stays bounded by how far out of
 * order a record may arrive.
 */
public final class ProbeGaps {

  /**
   * A stretch with no probe sent: from the last start before it to the first after it.
   *
   * @param heldBack whether probes were due in it and held back by the in-flight cap
   */
  public record Gap(long startMs, long endMs, boolean heldBack) {

    public Gap(long startMs, long endMs) {
      this(startMs, endMs, false);
    }

    public long ms() {
      return endMs - startMs;
    }
  }

  private final long maxLatenessMs;
  /** Probes not yet placed: {start, 1 if sent else 0}. */
  private final PriorityQueue<long[]> pending = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
  private final List<Gap> gaps = new ArrayList<>();
  private final long gapAboveMs;
  private long maxSeen = Long.MIN_VALUE;
  private long previous = Long.MIN_VALUE;
  private long first = Long.MIN_VALUE;
  private boolean heldInGap;
  private long recorded;
  private int handedOut;
  private long heldBack;

  /**
   * @param gapAboveMs a stretch longer than this is a gap (two probe periods: one missed probe is
   *     the resolution, two are blindness)
   */
  public ProbeGaps(long gapAboveMs, long maxLatenessMs) {
    this.gapAboveMs = gapAboveMs;
    this.maxLatenessMs = maxLatenessMs;
  }

  public void add(long startMs, boolean sent) {
    if (sent) {
      recorded++;
    } else {
      heldBack++;
    }
    pending.add(new long[] {startMs, sent ? 1 : 0});
    maxSeen = Math.max(maxSeen, startMs);
    while (!pending.isEmpty() && pending.peek()[0] < maxSeen - maxLatenessMs) {
      next(pending.poll());
    }
  }

  private void next(long[] probe) {
    long startMs = probe[0];
    if (probe[1] == 0) {
      heldInGap = true;
      return;
    }
    if (previous == Long.MIN_VALUE) {
      first = startMs;
    } else if (startMs - previous > gapAboveMs) {
      gaps.add(new Gap(previous, startMs, heldInGap));
    }
    heldInGap = false;
    previous = Math.max(previous, startMs);
  }

  /**
   * The gaps between probes found since the last call, in order: those the reorder buffer has let
   * through (a live view, {@code maxLatenessMs} behind). {@link #finish} still returns them all.
   */
  public List<Gap> newGaps() {
    List<Gap> fresh = List.copyOf(gaps.subList(handedOut, gaps.size()));
    handedOut = gaps.size();
    return fresh;
  }

  long recorded() {
    return recorded;
  }

  long heldBack() {
    return heldBack;
  }

  /**
   * The gaps between {@code fromMs} and {@code toMs}, the stretch the stream should have covered:
   * a late first probe and an early last one leave gaps at the edges too; a stream with no probe at
   * all is one gap over the whole stretch.
   */
  public List<Gap> finish(long fromMs, long toMs) {
    while (!pending.isEmpty()) {
      next(pending.poll());
    }
    List<Gap> all = new ArrayList<>();
    if (previous == Long.MIN_VALUE) {
      if (toMs > fromMs) {
        all.add(new Gap(fromMs, toMs, heldInGap));
      }
      return all;
    }
    if (first - fromMs > gapAboveMs) {
      all.add(new Gap(fromMs, first));
    }
    for (Gap g : gaps) {
      long s = Math.max(g.startMs(), fromMs);
      long e = Math.min(g.endMs(), toMs);
      if (e - s > 0 && g.ms() > gapAboveMs) {
        all.add(new Gap(s, e, g.heldBack()));
      }
    }
    if (toMs - previous > gapAboveMs) {
      all.add(new Gap(Math.max(previous, fromMs), toMs, heldInGap));
    }
    return all;
  }
}
