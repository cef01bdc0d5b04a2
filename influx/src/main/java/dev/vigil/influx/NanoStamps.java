package dev.vigil.influx;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The timestamp rule that keeps points from overwriting each other: a row ending at {@code ms}
 * is stamped {@code ms * 1,000,000 + k} ns, where k is how many earlier rows of the same series
 * (measurement and tag set) ended in the same millisecond. InfluxDB keeps one point per series
 * and timestamp, so two probes of a series ending in the same ms would otherwise be one point;
 * and as k depends only on the rows before, stamping the same file again gives the same
 * timestamps (pushing twice writes the same points, not twice as many).
 *
 * <p>Rows are appended to the run folder when they end, so a series' end times only go forward
 * (within the recorder's flush); counts of milliseconds more than {@link #KEEP_MS} behind the
 * latest seen are dropped, which keeps memory flat over any window.
 */
final class NanoStamps {

  static final long KEEP_MS = 120_000;
  private static final int PRUNE_EVERY = 50_000;

  private final Map<String, Map<Long, Integer>> counts = new HashMap<>();
  private long latestMs = Long.MIN_VALUE;
  private int sincePrune;

  long stamp(String series, long ms) {
    Map<Long, Integer> perMs = counts.computeIfAbsent(series, s -> new HashMap<>());
    int k = perMs.merge(ms, 1, Integer::sum) - 1;
    latestMs = Math.max(latestMs, ms);
    if (++sincePrune >= PRUNE_EVERY) {
      prune();
    }
    // 999,999 rows of one series in one ms cannot happen; clamp rather than spill into the next ms
    return ms * 1_000_000L + Math.min(k, 999_999);
  }

  private void prune() {
    sincePrune = 0;
    long horizon = latestMs - KEEP_MS;
    for (Iterator<Map<Long, Integer>> it = counts.values().iterator(); it.hasNext(); ) {
      Map<Long, Integer> perMs = it.next();
      perMs.keySet().removeIf(ms -> ms < horizon);
      if (perMs.isEmpty()) {
        it.remove();
      }
    }
  }
}
