package dev.vigil.result;

import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
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
  private final double periodMs;
  private final Series all = new Series();
  private final Map<Connection, Series> byConnection = new EnumMap<>(Connection.class);
  private final Map<Traffic, Series> byTraffic = new EnumMap<>(Traffic.class);
  private final Map<String, Series> byPhase = new HashMap<>();
  private final ServiceUptime uptime;
  private final Map<Connection, ProbeGaps> gaps = new EnumMap<>(Connection.class);
  private final Map<String, PhaseFailures> failuresByPhase = new HashMap<>();
  private long honoured;
  private long failed;
  private long lost;

  ServiceAccumulator(String service, ResultAnalyzer.Options options, double periodMs) {
    this.service = service;
    this.options = options;
    this.periodMs = periodMs;
    this.uptime = new ServiceUptime(options.maxLatenessMs());
    for (Connection c : Connection.values()) {
      byConnection.put(c, new Series());
    }
    for (Traffic t : Traffic.values()) {
      byTraffic.put(t, new Series());
    }
  }

  void add(RequestRecord r, String phase) {
    if (r.traffic() == Traffic.PROBE) {
      gaps.computeIfAbsent(r.connection(), c -> new ProbeGaps(Math.round(2 * periodMs), options.maxLatenessMs()))
          .add(r.startMs(), r.error() != ErrorKind.HELD_BACK);
    }
    if (r.error() == ErrorKind.HELD_BACK) {
      // never sent: says nothing of the service, only of the injector's restraint
      return;
    }
    if (phase != null && r.error().isServiceFailure(r.status())) {
      failuresByPhase.computeIfAbsent(phase, p -> new PhaseFailures()).add(r);
    }
    all.add(r);
    byConnection.get(r.connection()).add(r);
    byTraffic.get(r.traffic()).add(r);
    uptime.add(r);
    if (phase != null) {
      byPhase.computeIfAbsent(phase, p -> new Series()).add(r);
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

  /** The probe streams this service had, each with its gaps, for the analyzer to judge together. */
  Map<Connection, ProbeGaps> probeStreams() {
    return gaps;
  }

  /** Makes sure a stream the plan asked for is there even if it recorded nothing. */
  void expect(Connection kind) {
    gaps.computeIfAbsent(kind, c -> new ProbeGaps(Math.round(2 * periodMs), options.maxLatenessMs()));
  }

  WindowResult.ServiceResult build(long windowStartMs, long windowEndMs, Phases phases, WindowResult.Coverage coverage) {
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
        phaseResults(down, windowEndMs, phases), coverage);
  }

  private Map<String, WindowResult.PhaseResult> phaseResults(Downtime down, long windowEndMs, Phases phases) {
    Map<String, WindowResult.PhaseResult> result = new LinkedHashMap<>();
    List<String> names = phases.names();
    for (String name : names) {
      long downMs = 0;
      for (int i = 0; i < phases.size(); i++) {
        if (phases.name(i).equals(name)) {
          downMs += down.overlapMs(phases.startMs(i), phases.endMs(i, windowEndMs));
        }
      }
      Series s = byPhase.getOrDefault(name, new Series());
      PhaseFailures f = failuresByPhase.getOrDefault(name, new PhaseFailures());
      result.put(name, new WindowResult.PhaseResult(s.requests, s.failures, downMs / 1000.0, s.latencyResult(),
          null, f.count, f.samples));
    }
    return result;
  }

  /** The service's failed requests in one phase: all counted, the first few kept as evidence. */
  private static final class PhaseFailures {
    static final int SAMPLES = 10;
    long count;
    final List<WindowResult.FailedRequest> samples = new ArrayList<>();

    void add(RequestRecord r) {
      count++;
      if (samples.size() < SAMPLES) {
        samples.add(new WindowResult.FailedRequest(Instant.ofEpochMilli(r.startMs()), key(r.traffic()), r.request(), r.method(),
            r.status(), key(r.error()), r.requestId()));
      }
    }
  }

  private static List<WindowResult.OutageEntry> entries(Downtime d) {
    List<WindowResult.OutageEntry> list = new ArrayList<>(d.outages().size());
    for (Outage o : d.outages()) {
      list.add(new WindowResult.OutageEntry(Instant.ofEpochMilli(o.startMs()), Instant.ofEpochMilli(o.endMs()),
          o.seconds(), o.ongoing(), o.startUncertaintyMs(), o.endUncertaintyMs(), List.of()));
    }
    return list;
  }

  private static String key(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
