package dev.vigil.result;

import dev.vigil.performance.LatencyHistogram;
import dev.vigil.recording.RequestRecord;

/** Counts of one slice of requests (a service, a kind, a phase), and the latencies of those that succeeded. */
final class Series {

  final LatencyHistogram latency = new LatencyHistogram();
  long requests;
  long failures;

  void add(RequestRecord r) {
    requests++;
    if (!r.ok()) {
      // A failure's time says how fast it failed (a refused connection: 1 ms; a timeout: the
      // timeout), not how fast the service answers: it is counted, and kept out of the latency.
      failures++;
      return;
    }
    long ms = r.latencyMs();
    latency.record(ms);
  }

  WindowResult.Latency latencyResult() {
    if (latency.count() == 0) {
      return new WindowResult.Latency(0, null, null, null, null, null);
    }
    return new WindowResult.Latency(latency.count(), latency.percentile(50), latency.percentile(95),
        latency.percentile(99), latency.max(), Math.round(latency.mean() * 1000) / 1000.0);
  }
}
