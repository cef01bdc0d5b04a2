package dev.vigil.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.recording.Connection;
import dev.vigil.recording.EventKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.Traffic;
import dev.vigil.result.Phases;
import dev.vigil.uptime.ServiceOutages;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * A window's rows as Prometheus metrics (the names and labels of docs/prometheus.md). Labels are
 * bounded: service, connection and traffic kind, phase, error kind, flow outcome; request ids go
 * only into exemplars of the failure counter and the latency histogram.
 *
 * <p>Counts follow result.json's: a held-back probe was never sent, so it is neither a request nor
 * a failure (it has its own counter); a request belongs to the phase it started in.
 */
final class RunMetrics {

  /** The phase label of a request outside any phase mark: every request of a {@code watch}. */
  static final String NO_PHASE = "window";
  /** Seconds: from a loopback answer in milliseconds to a request that timed out. */
  static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

  private final String runId;
  private final long outageLatenessMs;
  private final Counter requests;
  private final Counter failures;
  private final Counter heldBack;
  private final Histogram latency;
  private final Gauge up;
  private final Counter outagesStarted;
  private final Counter downtime;
  private final Gauge inFlight;
  private final Counter flows;
  private final Gauge phase;
  private final Gauge verdict;
  private final Map<String, ServiceOutages> outages = new HashMap<>();
  private Phases phases = Phases.none();
  private String currentPhase;
  private long windowEndMs = Long.MIN_VALUE;
  private long lastEndMs = Long.MIN_VALUE;

  RunMetrics(PrometheusRegistry registry, String runId, String cloud, long outageLatenessMs) {
    this.runId = runId;
    this.outageLatenessMs = outageLatenessMs;
    Gauge.builder().name("vigil_run_info").help("The run this endpoint serves: 1 while it does")
        .labelNames("run_id", "cloud").register(registry).labelValues(runId, cloud).set(1);
    requests = Counter.builder().name("vigil_requests_total").help("API requests sent, as result.json counts them")
        .labelNames("run_id", "service", "connection", "traffic", "phase").register(registry);
    failures = Counter.builder().name("vigil_request_failures_total")
        .help("Requests that failed, by error kind (exemplar: the request id the service logged)")
        .labelNames("run_id", "service", "connection", "traffic", "phase", "error").register(registry);
    heldBack = Counter.builder().name("vigil_probes_held_back_total")
        .help("Uptime probes due but not sent: too many were in flight on a slow API (Vigil held back)")
        .labelNames("run_id", "service", "connection").register(registry);
    latency = Histogram.builder().name("vigil_request_duration_seconds").help("Request latency, from sending to the whole answer")
        .unit(Unit.SECONDS).classicOnly().classicUpperBounds(LATENCY_BUCKETS)
        .labelNames("run_id", "service", "traffic", "phase").register(registry);
    up = Gauge.builder().name("vigil_service_up")
        .help("1 while the service is up by the uptime rule, 0 during an outage (known once the probes after its edge are in)")
        .labelNames("run_id", "service").register(registry);
    outagesStarted = Counter.builder().name("vigil_outages_total").help("Outages that started, by the uptime rule")
        .labelNames("run_id", "service").register(registry);
    downtime = Counter.builder().name("vigil_downtime_seconds_total").help("Seconds of the outages that have ended")
        .unit(Unit.SECONDS).labelNames("run_id", "service").register(registry);
    inFlight = Gauge.builder().name("vigil_probes_in_flight").help("Uptime probes sent and not yet answered")
        .labelNames("run_id", "service").register(registry);
    flows = Counter.builder().name("vigil_flows_total").help("Availability flows ended, by outcome (honoured, failed, lost)")
        .labelNames("run_id", "service", "outcome").register(registry);
    phase = Gauge.builder().name("vigil_phase").help("1 for the phase the window is in, 0 for those it has left")
        .labelNames("run_id", "phase").register(registry);
    verdict = Gauge.builder().name("vigil_verdict")
        .help("The run's verdict once judged: 1 on the answer (yes, no, inconclusive) per service and criterion")
        .labelNames("run_id", "service", "criterion", "answer").register(registry);
  }

  void request(RequestRecord r) {
    String connection = label(r.connection());
    if (r.isHeldBack()) {
      heldBack.labelValues(runId, r.service(), connection).inc();
      return;
    }
    String phaseName = phaseAt(r.startMs());
    String traffic = r.traffic().name().toLowerCase(Locale.ROOT);
    requests.labelValues(runId, r.service(), connection, traffic, phaseName).inc();
    double seconds = Math.max(0, r.endMs() - r.startMs()) / 1000.0;
    if (r.ok()) {
      latency.labelValues(runId, r.service(), traffic, phaseName).observe(seconds);
    } else {
      Labels exemplar = r.requestId() == null ? Labels.EMPTY : Labels.of("request_id", r.requestId());
      failures.labelValues(runId, r.service(), connection, traffic, phaseName, r.error().name().toLowerCase(Locale.ROOT))
          .incWithExemplar(exemplar);
      latency.labelValues(runId, r.service(), traffic, phaseName).observeWithExemplar(seconds, exemplar);
    }
    lastEndMs = Math.max(lastEndMs, r.endMs());
    if (r.traffic() == Traffic.PROBE) {
      outagesOf(r.service()).add(r);
    }
  }

  void flow(FlowRecord f) {
    flows.labelValues(runId, f.service(), f.outcome().name().toLowerCase(Locale.ROOT)).inc();
  }

  void event(EventRecord e) {
    if (e.kind() == EventKind.PHASE) {
      String name = e.text().strip();
      phases = phases.with(new Phases.Mark(name, e.timestampMs()));
      if (currentPhase != null) {
        phase.labelValues(runId, currentPhase).set(0);
      }
      currentPhase = name;
      phase.labelValues(runId, name).set(1);
    } else if (e.kind() == EventKind.WINDOW && "end".equals(e.text())) {
      windowEndMs = e.timestampMs();
    }
  }

  void inFlight(String service, int probes) {
    inFlight.labelValues(runId, service).set(probes);
  }

  /** Places the probes the outage rule still holds and closes outages open at the window's end. */
  void finish() {
    long end = windowEndMs != Long.MIN_VALUE ? windowEndMs : lastEndMs;
    outages.values().forEach(o -> o.finish(end));
  }

  /** The verdict of result.json's {@code services.<type>.verdict}, when the run has judged. */
  void verdicts(JsonNode result) {
    for (Iterator<Map.Entry<String, JsonNode>> it = result.path("services").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> s = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> c = s.getValue().path("verdict").fields(); c.hasNext(); ) {
        Map.Entry<String, JsonNode> criterion = c.next();
        verdict.labelValues(runId, s.getKey(), criterion.getKey(), criterion.getValue().asText()).set(1);
      }
    }
  }

  private String phaseAt(long timeMs) {
    String name = phases.nameAt(timeMs);
    return name == null ? NO_PHASE : name;
  }

  private ServiceOutages outagesOf(String service) {
    return outages.computeIfAbsent(service, s -> {
      // at 0 from the service's first probe, so that a query over a run without outages reads 0, not nothing
      up.labelValues(runId, s).set(1);
      outagesStarted.labelValues(runId, s).inc(0);
      downtime.labelValues(runId, s).inc(0);
      for (Connection c : Connection.values()) {
        heldBack.labelValues(runId, s, label(c)).inc(0);
      }
      return new ServiceOutages(outageLatenessMs, new ServiceOutages.Edges() {
        @Override
        public void down(long atMs, Connection first) {
          up.labelValues(runId, s).set(0);
          outagesStarted.labelValues(runId, s).inc();
        }

        @Override
        public void up(long atMs, long downSinceMs, boolean windowEnded) {
          up.labelValues(runId, s).set(1);
          downtime.labelValues(runId, s).inc((atMs - downSinceMs) / 1000.0);
        }
      });
    });
  }

  private static String label(Connection c) {
    return c.name().toLowerCase(Locale.ROOT);
  }
}
