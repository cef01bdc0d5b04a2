package dev.vigil.uptime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A set of outages, sorted by start and not overlapping, with the figures reports need. */
public record Downtime(List<Outage> outages) {

  public static final Downtime NONE = new Downtime(List.of());

  public Downtime {
    outages = normalize(outages);
  }

  public long totalMs() {
    long total = 0;
    for (Outage o : outages) {
      total += o.durationMs();
    }
    return total;
  }

  public double totalSeconds() {
    return totalMs() / 1000.0;
  }

  public Optional<Outage> longest() {
    return outages.stream().max(Comparator.comparingLong(Outage::durationMs));
  }

  public double longestSeconds() {
    return longest().map(Outage::seconds).orElse(0.0);
  }

  /** Down whenever either is down: the top-level downtime of a service is NEW ∪ REUSED. */
  public Downtime union(Downtime other) {
    List<Outage> all = new ArrayList<>(outages);
    all.addAll(other.outages);
    return new Downtime(all);
  }

  /** How much of {@code [fromMs, toMs)} these outages cover, e.g. the downtime within a phase. */
  public long overlapMs(long fromMs, long toMs) {
    long total = 0;
    for (Outage o : outages) {
      long s = Math.max(o.startMs(), fromMs);
      long e = Math.min(o.endMs(), toMs);
      if (e > s) {
        total += e - s;
      }
    }
    return total;
  }

  /** Sorts and merges overlapping or touching outages; a merged one is ongoing if any part was. */
  private static List<Outage> normalize(List<Outage> in) {
    List<Outage> sorted = new ArrayList<>(in);
    sorted.sort(Comparator.comparingLong(Outage::startMs).thenComparingLong(Outage::endMs));
    List<Outage> merged = new ArrayList<>(sorted.size());
    for (Outage o : sorted) {
      Outage last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && o.startMs() <= last.endMs()) {
        Outage later = o.endMs() > last.endMs() ? o : last;
        merged.set(merged.size() - 1, new Outage(last.startMs(), later.endMs(), last.ongoing() || o.ongoing(),
            last.startUncertaintyMs(), later.endUncertaintyMs()));
      } else {
        merged.add(o);
      }
    }
    return List.copyOf(merged);
  }
}
