package dev.vigil.result;

import dev.vigil.recording.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns every service's probe streams into its {@link WindowResult.Coverage}: probes asked for
 * against probes recorded, and the blind intervals with their causes. Causes need all streams at
 * once (a stretch in which no service was probed is the injector's stall, not one service's), so
 * this runs after the records are read.
 */
final class CoverageBuilder {

  /** What the run folder says about how the recording went, for naming causes. */
  record Recording(long lostRecords, boolean injectorDied, Integer exitCode) {}

  private record StreamGap(String service, Connection kind, ProbeGaps.Gap gap) {}

  private final long fromMs;
  private final long toMs;
  private final double periodMs;
  private final Recording recording;

  /**
   * @param fromMs the window's start
   * @param toMs until when the probes should have run: their own end mark, else the window's end
   */
  CoverageBuilder(long fromMs, long toMs, double periodMs, Recording recording) {
    this.fromMs = fromMs;
    this.toMs = Math.max(fromMs, toMs);
    this.periodMs = periodMs;
    this.recording = recording;
  }

  Map<String, WindowResult.Coverage> build(Map<String, ServiceAccumulator> services) {
    List<StreamGap> all = new ArrayList<>();
    Map<String, Map<Connection, List<ProbeGaps.Gap>>> byService = new LinkedHashMap<>();
    int streams = 0;
    for (Map.Entry<String, ServiceAccumulator> s : services.entrySet()) {
      Map<Connection, List<ProbeGaps.Gap>> kinds = new LinkedHashMap<>();
      for (Map.Entry<Connection, ProbeGaps> k : s.getValue().probeStreams().entrySet()) {
        List<ProbeGaps.Gap> gaps = k.getValue().finish(fromMs, toMs);
        kinds.put(k.getKey(), gaps);
        gaps.forEach(g -> all.add(new StreamGap(s.getKey(), k.getKey(), g)));
        streams++;
      }
      byService.put(s.getKey(), kinds);
    }
    Map<String, WindowResult.Coverage> result = new LinkedHashMap<>();
    for (Map.Entry<String, ServiceAccumulator> s : services.entrySet()) {
      Map<Connection, ProbeGaps> own = s.getValue().probeStreams();
      if (own.isEmpty()) {
        continue; // no probes planned or sent: flows or load only
      }
      result.put(s.getKey(), coverage(s.getKey(), own, byService.get(s.getKey()), all, streams));
    }
    return result;
  }

  private WindowResult.Coverage coverage(String service, Map<Connection, ProbeGaps> own, Map<Connection, List<ProbeGaps.Gap>> gaps,
      List<StreamGap> all, int streams) {
    long expectedEach = Math.round((toMs - fromMs) / periodMs);
    long expected = 0;
    long recorded = 0;
    long heldBack = 0;
    List<WindowResult.BlindInterval> blind = new ArrayList<>();
    List<ProbeGaps.Gap> union = new ArrayList<>();
    Map<String, WindowResult.StreamCoverage> connections = new LinkedHashMap<>();
    for (Map.Entry<Connection, ProbeGaps> k : own.entrySet()) {
      ProbeGaps stream = k.getValue();
      String kind = k.getKey().name().toLowerCase(Locale.ROOT);
      List<ProbeGaps.Gap> streamGaps = gaps.get(k.getKey());
      long blindMs = 0;
      for (ProbeGaps.Gap g : streamGaps) {
        blindMs += g.ms();
        union.add(g);
        blind.add(new WindowResult.BlindInterval(Instant.ofEpochMilli(g.startMs()), Instant.ofEpochMilli(g.endMs()), g.ms() / 1000.0, kind,
            cause(service, k.getKey(), g, all, streams)));
      }
      connections.put(kind, new WindowResult.StreamCoverage(expectedEach, stream.recorded(), stream.heldBack(),
          fraction(stream.recorded(), expectedEach), blindMs / 1000.0));
      expected += expectedEach;
      recorded += stream.recorded();
      heldBack += stream.heldBack();
    }
    blind.sort(Comparator.comparing(WindowResult.BlindInterval::start));
    return new WindowResult.Coverage(Math.round(periodMs * 1000) / 1000.0, expected, recorded, heldBack, fraction(recorded, expected),
        unionMs(union) / 1000.0, blind, connections);
  }

  private static double fraction(long recorded, long expected) {
    return expected <= 0 ? 1.0 : Math.min(1.0, Math.round(recorded * 10000.0 / expected) / 10000.0);
  }

  private String cause(String service, Connection kind, ProbeGaps.Gap g, List<StreamGap> all, int streams) {
    String lost = recording.lostRecords() > 0 ? "; the recorder also lost " + recording.lostRecords() + " record(s)" : "";
    if (g.startMs() <= fromMs && g.endMs() >= toMs) {
      return "no probe of this stream was recorded in the whole window" + (recording.injectorDied() ? ": the injector (Gatling JVM) died"
          + exit() : "") + lost;
    }
    if (g.startMs() <= fromMs) {
      return "the probes started late: none before this" + lost;
    }
    if (g.heldBack()) {
      return "probes held back: the API answered too slowly for probe.max_in_flight, so no new probe was sent (Vigil did not add"
          + " pressure; an outage this short could hide here); to sample a slow API, raise probe.max_in_flight (--max-in-flight) on a"
          + " cloud that can take more, or lower probe.rate_per_service (--rate) on a small one (docs/observers.md, In-flight cap)" + lost;
    }
    long others = all.stream().filter(o -> !(o.service().equals(service) && o.kind() == kind))
        .filter(o -> overlap(o.gap(), g) * 2 >= g.ms()).map(o -> o.service() + "/" + o.kind()).distinct().count();
    if (g.endMs() >= toMs && recording.injectorDied()) {
      return "the injector (Gatling JVM) died or was killed before the window closed" + exit() + lost;
    }
    // every stream silent to the end with nothing lost is the injector pausing (a starved JVM), not a stopped recorder
    if (g.endMs() >= toMs && (recording.lostRecords() > 0 || !(streams > 1 && others >= streams - 1))) {
      return "no probe after this: the recording stopped early (a full disk, or a stopped recorder)" + lost;
    }
    if (streams > 1 && others >= streams - 1) {
      return "the injector stalled: no probe of any service started (a paused or overloaded injector JVM or host)" + lost;
    }
    return (streams > 1 ? "this probe stream stalled while others went on" : "no probe started (the injector or this stream stalled)") + lost;
  }

  private String exit() {
    return recording.exitCode() == null ? "" : " (exit code " + recording.exitCode() + ")";
  }

  private static long overlap(ProbeGaps.Gap a, ProbeGaps.Gap b) {
    return Math.max(0, Math.min(a.endMs(), b.endMs()) - Math.max(a.startMs(), b.startMs()));
  }

  private static long unionMs(List<ProbeGaps.Gap> gaps) {
    List<ProbeGaps.Gap> sorted = new ArrayList<>(gaps);
    sorted.sort(Comparator.comparingLong(ProbeGaps.Gap::startMs));
    long total = 0;
    long curStart = Long.MIN_VALUE;
    long curEnd = Long.MIN_VALUE;
    for (ProbeGaps.Gap g : sorted) {
      if (g.startMs() > curEnd) {
        if (curEnd > curStart) {
          total += curEnd - curStart;
        }
        curStart = g.startMs();
        curEnd = g.endMs();
      } else {
        curEnd = Math.max(curEnd, g.endMs());
      }
    }
    if (curEnd > curStart) {
      total += curEnd - curStart;
    }
    return total;
  }
}
