package dev.vigil.result;

import dev.vigil.performance.Reservoir;
import dev.vigil.performance.Significance;
import dev.vigil.recording.Connection;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.Traffic;
import dev.vigil.uptime.Downtime;
import dev.vigil.uptime.Outage;
import dev.vigil.uptime.ServiceUptime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the analyzer keeps for one service while it streams the records: a fixed number of
 * histograms (all, per connection kind, per traffic kind, per phase), one reservoir per phase, the
 * outage trackers and the flow counts. Its size does not depend on the number of records.
 */
final class ServiceAccumulator {

  private final String service;
  private final ResultAnalyzer.Options options;
  private final Series all = new Series(null);
  private final Map<Connection, Series> byConnection = new EnumMap<>(Connection.class);
  private final Map<Traffic, Series> byTraffic = new EnumMap<>(Traffic.class);
  private final Map<String, Series> byPhase = new HashMap<>();
  private final ServiceUptime uptime;
  private long honoured;
  private long failed;
  private long lost;

  ServiceAccumulator(String service, ResultAnalyzer.Options options) {
    this.service = service;
    this.options = options;
    this.uptime = new ServiceUptime(options.maxLatenessMs());
    for (Connection c : Connection.values()) {
      byConnection.put(c, new Series(null));
    }
    for (Traffic t : Traffic.values()) {
      byTraffic.put(t, new Series(null));
    }
  }

  void add(RequestRecord r, String phase) {
    all.add(r);
    byConnection.get(r.connection()).add(r);
    byTraffic.get(r.traffic()).add(r);
    uptime.add(r);
    if (phase != null) {
      byPhase.computeIfAbsent(phase, p -> new Series(new Reservoir(options.reservoirCapacity(),
          options.seed() + 31L * service.hashCode() + p.hashCode()))).add(r);
    }
  }

  void add(FlowRecord f) {
    switch (f.outcome()) {
      case HONOURED -> honoured++;
      case FAILED -> failed++;
      case LOST -> lost++;
    }
  }

  long lateProbes() {
    return uptime.lateSamples();
  }

  WindowResult.ServiceResult build(long windowStartMs, long windowEndMs, Phases phases) {
    ServiceUptime.Report report = uptime.finish(windowStartMs, windowEndMs);
    Map<String, WindowResult.ConnectionResult> connections = new LinkedHashMap<>();
    for (Connection c : Connection.values()) {
      Series s = byConnection.get(c);
      Downtime d = report.of(c);
      connections.put(key(c), new WindowResult.ConnectionResult(s.requests, s.failures, d.totalSeconds(),
          d.longestSeconds(), entries(d), s.latencyResult()));
    }
    Map<String, WindowResult.TrafficResult> traffic = new LinkedHashMap<>();
    for (Traffic t : Traffic.values()) {
      Series s = byTraffic.get(t);
      traffic.put(key(t), new WindowResult.TrafficResult(s.requests, s.failures, s.latencyResult()));
    }
    Downtime down = report.all();
    return new WindowResult.ServiceResult(all.requests, all.failures, down.totalSeconds(), down.longestSeconds(),
        entries(down), all.latencyResult(), new WindowResult.Flows(honoured, failed, lost), connections, traffic,
        phaseResults(down, windowEndMs, phases));
  }

  private Map<String, WindowResult.PhaseResult> phaseResults(Downtime down, long windowEndMs, Phases phases) {
    Map<String, WindowResult.PhaseResult> result = new LinkedHashMap<>();
    List<String> names = phases.names();
    String baseline = names.contains("before") ? "before" : names.isEmpty() ? null : names.get(0);
    Series base = baseline == null ? null : byPhase.get(baseline);
    for (String name : names) {
      long downMs = 0;
      for (int i = 0; i < phases.size(); i++) {
        if (phases.name(i).equals(name)) {
          downMs += down.overlapMs(phases.startMs(i), phases.endMs(i, windowEndMs));
        }
      }
      Series s = byPhase.getOrDefault(name, new Series(null));
      WindowResult.LatencyChange change = null;
      if (!name.equals(baseline) && base != null && base.requests > 0 && s.requests > 0) {
        Significance.MannWhitney test = Significance.mannWhitneyU(s.sample.values(), base.sample.values());
        change = new WindowResult.LatencyChange(baseline, test.pValue(),
            s.latency.percentile(50) - base.latency.percentile(50));
      }
      result.put(name, new WindowResult.PhaseResult(s.requests, s.failures, downMs / 1000.0, s.latencyResult(),
          change));
    }
    return result;
  }

  private static List<WindowResult.OutageEntry> entries(Downtime d) {
    List<WindowResult.OutageEntry> list = new ArrayList<>(d.outages().size());
    for (Outage o : d.outages()) {
      list.add(new WindowResult.OutageEntry(Instant.ofEpochMilli(o.startMs()), Instant.ofEpochMilli(o.endMs()),
          o.seconds(), o.ongoing()));
    }
    return list;
  }

  private static String key(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
