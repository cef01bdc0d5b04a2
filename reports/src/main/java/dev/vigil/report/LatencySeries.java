package dev.vigil.report;

import dev.vigil.recording.RequestRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latency over time: the window cut into at most {@link #MAX_COLUMNS} columns of a round width,
 * and per service and column the number of requests, failed requests and the p50 and p95 latency
 * of the requests that succeeded. Failed requests are left out of the latency because they would
 * hide an outage: a refused connection answers in 1 ms. Built while the records stream past, in
 * memory bounded by services × columns, whatever the number of records; a request belongs to the
 * column of its start, as in the phases.
 */
public final class LatencySeries {

  /** About one column per 4 px of a 960 px chart. */
  public static final int MAX_COLUMNS = 240;

  private static final long[] STEPS_MS = {
    1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
    3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000};

  /** One column of one service; p50 and p95 are -1 when no request in it succeeded. */
  public record Column(long startMs, long requests, long failures, long p50, long p95) {}

  private final long startMs;
  private final long stepMs;
  private final int columns;
  private final Map<String, Accumulator> services = new TreeMap<>();

  /** A series for the window [startMs, endMs]. */
  public LatencySeries(long startMs, long endMs) {
    this.startMs = startMs;
    this.stepMs = stepFor(Math.max(0, endMs - startMs));
    this.columns = (int) Math.max(1, (Math.max(0, endMs - startMs) + stepMs - 1) / stepMs);
  }

  /** The smallest round column width that cuts {@code durationMs} into at most {@link #MAX_COLUMNS} columns. */
  static long stepFor(long durationMs) {
    for (long step : STEPS_MS) {
      if (durationMs <= step * MAX_COLUMNS) {
        return step;
      }
    }
    long last = STEPS_MS[STEPS_MS.length - 1];
    return (durationMs / MAX_COLUMNS / last + 1) * last;
  }

  public void add(RequestRecord r) {
    long offset = r.startMs() - startMs;
    // Requests just outside the window (sent before its start mark, or after its end) go to the edge columns.
    int column = (int) Math.min(columns - 1, Math.max(0, offset / stepMs));
    services.computeIfAbsent(r.service(), s -> new Accumulator(columns)).add(column, r);
  }

  public long stepMs() {
    return stepMs;
  }

  public long startMs() {
    return startMs;
  }

  /** Per service, its columns in time order; a service with no request has no entry. */
  public Map<String, List<Column>> columns() {
    Map<String, List<Column>> result = new TreeMap<>();
    services.forEach((service, acc) -> {
      List<Column> list = new ArrayList<>(columns);
      for (int i = 0; i < columns; i++) {
        CompactHistogram h = acc.latency[i];
        long ok = h == null ? 0 : h.count();
        list.add(new Column(startMs + i * stepMs, ok + acc.failures[i], acc.failures[i], ok == 0 ? -1 : h.percentile(50),
            ok == 0 ? -1 : h.percentile(95)));
      }
      result.put(service, list);
    });
    return result;
  }

  private static final class Accumulator {
    final CompactHistogram[] latency;
    final long[] failures;

    Accumulator(int columns) {
      latency = new CompactHistogram[columns];
      failures = new long[columns];
    }

    void add(int column, RequestRecord r) {
      if (!r.ok()) {
        failures[column]++;
        return;
      }
      CompactHistogram h = latency[column];
      if (h == null) {
        h = latency[column] = new CompactHistogram();
      }
      h.record(r.latencyMs());
    }
  }
}
