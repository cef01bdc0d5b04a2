package dev.vigil.result;

import dev.vigil.performance.Reservoir;
import dev.vigil.recording.RecordReader;
import dev.vigil.recording.RequestRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The samples of the zero-impact test: latencies of the requests that succeeded, per phase, service
 * and kind of request, read again from {@code records.tsv} (the test needs raw values). Kinds are
 * kept apart so that a change in the mix (more flow steps, a slower request added by the load) does
 * not read as a change in latency. Failures are left out (they have their own rules; a refused
 * connection in 1 ms would make a phase look faster), and so are held-back probes, never sent.
 * Memory is bounded: a seeded sample of at most {@link Reservoir#DEFAULT_CAPACITY} per phase,
 * service and kind, so the same folder gives the same figures.
 */
public final class LatencyByKind {

  /** The pseudo-phase holding every request of the window, whatever its phase. */
  public static final String WINDOW = "window";

  private static final long SEED = 0x5EEDL;

  private final Map<String, Map<String, Map<String, Reservoir>>> samples = new HashMap<>();

  private LatencyByKind() {}

  /**
   * The kind of a request: {@code probe <request> (<connection>)}, {@code flow <step>} or {@code load
   * <request>}; a request's name is bounded, so the kinds are too.
   */
  public static String kind(RequestRecord r) {
    return switch (r.traffic()) {
      case PROBE -> "probe " + r.request() + " (" + r.connection().name().toLowerCase(Locale.ROOT) + ")";
      case FLOW -> "flow " + r.request();
      case LOAD -> "load " + r.request();
    };
  }

  /** Reads a run folder; no {@code records.tsv} gives no samples. */
  public static LatencyByKind read(Path runDir, List<WindowResult.PhaseSpan> phases) {
    LatencyByKind l = new LatencyByKind();
    if (!Files.isRegularFile(runDir.resolve("records.tsv"))) {
      return l;
    }
    Phases marks = Phases.of(phases);
    try (RecordReader<RequestRecord> records = RecordReader.requests(runDir)) {
      while (records.hasNext()) {
        RequestRecord r = records.next();
        l.add(r, marks.nameAt(r.startMs()));
      }
    }
    return l;
  }

  /** Empty, to be filled record by record by a pass that already reads the run folder (the analyzer's). */
  static LatencyByKind collecting() {
    return new LatencyByKind();
  }

  /** Adds one record, placed in {@code phase} (null: before any phase mark) and in {@link #WINDOW}. */
  void add(RequestRecord r, String phase) {
    if (!r.ok()) {
      return;
    }
    String kind = kind(r);
    add(WINDOW, r.service(), kind, r.latencyMs());
    if (phase != null) {
      add(phase, r.service(), kind, r.latencyMs());
    }
  }

  private void add(String phase, String service, String kind, long ms) {
    samples.computeIfAbsent(phase, p -> new HashMap<>()).computeIfAbsent(service, s -> new HashMap<>())
        .computeIfAbsent(kind, k -> new Reservoir(Reservoir.DEFAULT_CAPACITY, SEED + 31L * (31L * phase.hashCode() + service.hashCode()) + k.hashCode()))
        .add(ms);
  }

  /** Kind → latencies (ms) of a service's successful requests in a phase (or {@link #WINDOW}), by kind name. */
  public Map<String, long[]> of(String phase, String service) {
    Map<String, long[]> out = new TreeMap<>();
    samples.getOrDefault(phase, Map.of()).getOrDefault(service, Map.of()).forEach((kind, r) -> out.put(kind, r.values()));
    return out;
  }
}
