package dev.vigil.influx;

import dev.vigil.recording.Connection;
import dev.vigil.recording.EventKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.Traffic;
import dev.vigil.result.Phases;
import dev.vigil.uptime.ServiceOutages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turns a run folder's rows into line-protocol points (the schema of docs/influxdb.md), keeping
 * what that needs across rows: the phase marks seen so far, the per-series timestamp counts
 * ({@link NanoStamps}) and, per service, the uptime rule's trackers whose state changes become
 * {@code outage_start}/{@code outage_end} events while the window runs.
 *
 * <p>Every output depends only on the rows given before, in file order, so mapping the same files
 * again gives the same points: what makes a resumed or repeated push idempotent.
 */
final class RunPoints {

  static final String REQUEST = "vigil_request";
  static final String FLOW = "vigil_flow";
  static final String EVENT = "vigil_event";
  /** The phase tag of a request outside any phase mark: every request of a {@code watch}. */
  static final String NO_PHASE = "window";

  private final String runId;
  private final String cloud;
  private final String injector;
  private final long outageLatenessMs;
  private final NanoStamps stamps = new NanoStamps();
  private Phases phases = Phases.none();
  private final Map<String, ServiceOutages> outages = new HashMap<>();
  /** Where the current row's outage edges go: the trackers report them while a row is added. */
  private Consumer<String> edgesOut = line -> {};
  private final Map<String, dev.vigil.result.ProbeGaps> gaps = new HashMap<>();
  private final long probePeriodMs;
  private long windowStartMs = Long.MIN_VALUE;
  private long probesEndMs = Long.MIN_VALUE;
  private long windowEndMs = Long.MIN_VALUE;
  private long lastEndMs = Long.MIN_VALUE;

  /**
   * @param outageLatenessMs how long the outage trackers wait for a slow probe before applying
   *     the rule (the probe timeout and a little): the delay of the live outage events
   */
  RunPoints(String runId, String cloud, String injector, long outageLatenessMs) {
    this(runId, cloud, injector, outageLatenessMs, Math.round(1000 / dev.vigil.result.ProbePlan.DEFAULT_RATE));
  }

  /** @param probePeriodMs one probe period (the plan's rate): a stretch of more than two without a probe is blind */
  RunPoints(String runId, String cloud, String injector, long outageLatenessMs, long probePeriodMs) {
    this.runId = runId;
    this.cloud = cloud;
    this.injector = injector;
    this.outageLatenessMs = outageLatenessMs;
    this.probePeriodMs = probePeriodMs;
  }

  void event(EventRecord e, Consumer<String> out) {
    if (e.kind() == EventKind.PHASE) {
      phases = phases.with(new Phases.Mark(e.text().strip(), e.timestampMs()));
    } else if (e.kind() == EventKind.WINDOW && "end".equals(e.text())) {
      windowEndMs = e.timestampMs();
    } else if (e.kind() == EventKind.WINDOW && "start".equals(e.text()) && windowStartMs == Long.MIN_VALUE) {
      windowStartMs = e.timestampMs();
    } else if (e.kind() == EventKind.WINDOW && EventRecord.PROBES_END.equals(e.text())) {
      probesEndMs = e.timestampMs();
    }
    out.accept(event(e.kind().name().toLowerCase(Locale.ROOT), e.service(), e.timestampMs(), e.text()));
  }

  void flow(FlowRecord f, Consumer<String> out) {
    LineProtocol p = base(FLOW).tag("service", f.service()).tag("flow", f.flow()).tag("outcome", f.outcome().name())
        .field("duration_ms", (double) Math.max(0, f.endMs() - f.acceptedMs()))
        .field("request_id", f.requestId())
        .field("resource_id", f.resourceId());
    out.accept(p.line(stamps.stamp(FLOW + '|' + f.service() + '|' + f.flow() + '|' + f.outcome(), f.endMs())));
  }

  void request(RequestRecord r, Consumer<String> out) {
    String phase = phaseAt(r.startMs());
    LineProtocol p = base(REQUEST).tag("service", r.service()).tag("request", r.request()).tag("phase", phase)
        .tag("traffic", r.traffic().name()).tag("connection", r.connection().name())
        .field("latency_ms", (double) r.latencyMs())
        .field("status", (long) r.status())
        .field("ok", r.ok())
        .field("request_id", r.requestId())
        .field("error", r.error().name());
    String series = REQUEST + '|' + r.service() + '|' + r.request() + '|' + phase + '|' + r.traffic() + '|' + r.connection();
    out.accept(p.line(stamps.stamp(series, r.endMs())));
    lastEndMs = Math.max(lastEndMs, r.endMs());
    if (r.traffic() == Traffic.PROBE) {
      String stream = r.service() + '|' + r.connection().name().toLowerCase(Locale.ROOT);
      dev.vigil.result.ProbeGaps g = gaps.computeIfAbsent(stream, k -> new dev.vigil.result.ProbeGaps(2 * probePeriodMs, outageLatenessMs));
      g.add(r.startMs(), r.error() != dev.vigil.recording.ErrorKind.HELD_BACK);
      g.newGaps().forEach(gap -> out.accept(blind(r.service(), r.connection().name().toLowerCase(Locale.ROOT), gap)));
      // a held-back probe was never sent: no sample of the service's state
      if (r.error() != dev.vigil.recording.ErrorKind.HELD_BACK) {
        edgesOut = out;
        outages.computeIfAbsent(r.service(), this::outagesOf).add(r);
      }
    }
  }

  /**
   * A stretch in which no probe of the stream started, as a {@code blind} event at its start with
   * its length: the grey of report.html, for a dashboard. result.json's coverage has the causes.
   */
  private String blind(String service, String connection, dev.vigil.result.ProbeGaps.Gap gap) {
    return eventPoint("blind", service, "no probe started on " + connection + " connections for " + gap.ms() / 1000.0 + " s")
        .field("seconds", gap.ms() / 1000.0)
        .line(stamps.stamp(EVENT + '|' + service + "|blind", gap.startMs()));
  }

  /**
   * Places the probes the trackers still hold and closes the outages still open at the window's
   * end (or the last request's end when the window has no end mark, e.g. after a crash).
   */
  void finish(Consumer<String> out) {
    long end = windowEndMs != Long.MIN_VALUE ? windowEndMs : lastEndMs;
    edgesOut = out;
    for (ServiceOutages s : new ArrayList<>(outages.values())) {
      s.finish(end);
    }
    for (Map.Entry<String, dev.vigil.result.ProbeGaps> g : new TreeMap<>(gaps).entrySet()) {
      String[] stream = g.getKey().split("\\|", 2);
      long from = windowStartMs != Long.MIN_VALUE ? windowStartMs : Long.MAX_VALUE;
      long until = probesEndMs != Long.MIN_VALUE ? Math.min(end, probesEndMs) : end;
      List<dev.vigil.result.ProbeGaps.Gap> seen = g.getValue().newGaps();
      seen.forEach(gap -> out.accept(blind(stream[0], stream[1], gap)));
      // the edges: a late start or an early end are known only now
      for (dev.vigil.result.ProbeGaps.Gap gap : g.getValue().finish(Math.min(from, until), until)) {
        if (gap.startMs() <= from || gap.endMs() >= until) {
          out.accept(blind(stream[0], stream[1], gap));
        }
      }
    }
  }

  private ServiceOutages outagesOf(String service) {
    return new ServiceOutages(outageLatenessMs, new ServiceOutages.Edges() {
      @Override
      public void down(long atMs, Connection first) {
        edgesOut.accept(event("outage_start", service, atMs, "down (" + first.name().toLowerCase(Locale.ROOT) + " connections first)"));
      }

      @Override
      public void up(long atMs, long downSinceMs, boolean windowEnded) {
        String text = windowEnded ? String.format(Locale.ROOT, "still down when the window ended, after %.3f s", (atMs - downSinceMs) / 1000.0)
            : String.format(Locale.ROOT, "up after %.3f s", (atMs - downSinceMs) / 1000.0);
        edgesOut.accept(outageEnd(service, atMs, downSinceMs, text));
      }
    });
  }

  /** The phase in effect at {@code timeMs}: requests are placed by their start, as result.json does. */
  String phaseAt(long timeMs) {
    String name = phases.nameAt(timeMs);
    return name == null ? NO_PHASE : name;
  }

  private LineProtocol base(String measurement) {
    return new LineProtocol(measurement).tag("run_id", runId).tag("cloud", cloud).tag("injector", injector);
  }

  private String event(String kind, String service, long timeMs, String text) {
    return eventPoint(kind, service, text).line(stamps.stamp(EVENT + '|' + (service == null ? "all" : service) + '|' + kind, timeMs));
  }

  /** An outage's end, with its length as a number so a dashboard sums downtime exactly as result.json does. */
  private String outageEnd(String service, long timeMs, long downSinceMs, String text) {
    return eventPoint("outage_end", service, text).field("seconds", (timeMs - downSinceMs) / 1000.0)
        .line(stamps.stamp(EVENT + '|' + service + "|outage_end", timeMs));
  }

  private LineProtocol eventPoint(String kind, String service, String text) {
    return base(EVENT).tag("service", service == null ? "all" : service).tag("kind", kind).field("text", text);
  }
}
