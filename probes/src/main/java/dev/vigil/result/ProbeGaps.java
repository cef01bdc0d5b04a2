package dev.vigil.result;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Finds the stretches of one probe stream (a service and a connection kind) in which no probe was
 * started: the injector did not sample the service, so nothing is known of it there. Probes due
 * but held back by the in-flight cap count as started (the injector was alive and chose not to
 * add pressure), though not as recorded.
 *
 * <p>Records arrive in the order their requests ended, not started; a reorder buffer puts their
 * starts back in order, as the outage tracker does, so memory stays bounded by how far out of
 * order a record may arrive.
 */
final class ProbeGaps {

  /** A stretch with no probe started: from the last start before it to the first after it. */
  record Gap(long startMs, long endMs) {
    long ms() {
      return endMs - startMs;
    }
  }

  private final long maxLatenessMs;
  private final PriorityQueue<Long> pending = new PriorityQueue<>();
  private final List<Gap> gaps = new ArrayList<>();
  private final long gapAboveMs;
  private long maxSeen = Long.MIN_VALUE;
  private long previous = Long.MIN_VALUE;
  private long first = Long.MIN_VALUE;
  private long recorded;
  private long heldBack;

  /**
   * @param gapAboveMs a stretch longer than this is a gap (two probe periods: one missed probe is
   *     the resolution, two are blindness)
   */
  ProbeGaps(long gapAboveMs, long maxLatenessMs) {
    this.gapAboveMs = gapAboveMs;
    this.maxLatenessMs = maxLatenessMs;
  }

  void add(long startMs, boolean sent) {
    if (sent) {
      recorded++;
    } else {
      heldBack++;
    }
    pending.add(startMs);
    maxSeen = Math.max(maxSeen, startMs);
    while (!pending.isEmpty() && pending.peek() < maxSeen - maxLatenessMs) {
      next(pending.poll());
    }
  }

  private void next(long startMs) {
    if (previous == Long.MIN_VALUE) {
      first = startMs;
    } else if (startMs - previous > gapAboveMs) {
      gaps.add(new Gap(previous, startMs));
    }
    previous = Math.max(previous, startMs);
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
  List<Gap> finish(long fromMs, long toMs) {
    while (!pending.isEmpty()) {
      next(pending.poll());
    }
    List<Gap> all = new ArrayList<>();
    if (previous == Long.MIN_VALUE) {
      if (toMs > fromMs) {
        all.add(new Gap(fromMs, toMs));
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
        all.add(new Gap(s, e));
      }
    }
    if (toMs - previous > gapAboveMs) {
      all.add(new Gap(Math.max(previous, fromMs), toMs));
    }
    return all;
  }
}
