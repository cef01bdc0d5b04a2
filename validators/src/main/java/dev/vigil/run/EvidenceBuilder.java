package dev.vigil.run;

import dev.vigil.health.SystemHealthCheck;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.Phase;
import dev.vigil.recording.FlowOutcome;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RecordReader;
import dev.vigil.resources.PersistentResources;
import dev.vigil.result.LatencyByKind;
import dev.vigil.result.WindowResult;
import dev.vigil.version.Release;
import dev.vigil.version.ReleaseReading;
import dev.vigil.version.ReleaseVersionCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gathers one service's {@link Evidence} from the validators' outcomes, the window's figures and flows.tsv. */
final class EvidenceBuilder {

  /** The simulations' DataPlaneTarget.PREFIX (validators do not depend on the simulations). */
  static final String DATA_PLANE = "data-plane:";

  private final Path runDir;
  private final WindowResult window;
  private final Map<String, List<Outcome>> byCheck;
  private final ReleaseVersionCheck release;
  private final Release expectAfter;
  private LatencyByKind latencies;

  EvidenceBuilder(Path runDir, WindowResult window, Map<String, List<Outcome>> byCheck, ReleaseVersionCheck release, Release expectAfter) {
    this.runDir = runDir;
    this.window = window;
    this.byCheck = byCheck;
    this.release = release;
    this.expectAfter = expectAfter;
  }

  Evidence of(String service) {
    List<Outcome> health = relevant(SystemHealthCheck.NAME, service).toList();
    List<Outcome> resources = byCheck.getOrDefault(PersistentResources.NAME, List.of()).stream()
        .filter(o -> !"resources removed".equals(o.test())).toList();
    WindowResult.ServiceResult s = window.services().get(service);
    WindowResult.PhaseResult before = s == null ? null : s.phases().get("before");
    WindowResult.PhaseResult during = s == null ? null : s.phases().get("during");
    List<WindowResult.OutageEntry> outages = s == null ? List.of()
        : s.outages().stream().filter(o -> overlapsPhase(o.start(), o.end(), "during")).toList();
    return new Evidence(service, releaseFacts(service), health, resources, before, during, seconds("before"), seconds("during"), outages,
        lostFlowsDuring(service), dataPlane(), latencies(service));
  }

  /** The zero-impact test's samples; records.tsv is read once, for the first service. */
  private Evidence.Latencies latencies(String service) {
    if (latencies == null) {
      latencies = LatencyByKind.read(runDir, window.phases());
    }
    return new Evidence.Latencies(latencies.of("before", service), latencies.of("during", service));
  }

  /** The window's data-plane targets: their results are named {@code data-plane:<target>}. */
  private List<Evidence.DataPlane> dataPlane() {
    return window.services().entrySet().stream().filter(e -> e.getKey().startsWith(DATA_PLANE))
        .map(e -> new Evidence.DataPlane(e.getKey().substring(DATA_PLANE.length()), e.getValue().requests(), e.getValue().failures(),
            e.getValue().downtimeSeconds()))
        .sorted(java.util.Comparator.comparing(Evidence.DataPlane::target)).toList();
  }

  private java.util.stream.Stream<Outcome> relevant(String check, String service) {
    return byCheck.getOrDefault(check, List.of()).stream().filter(o -> o.service() == null || service.equals(o.service()));
  }

  Evidence.ReleaseFacts releaseFacts(String service) {
    if (release == null) {
      return new Evidence.ReleaseFacts("unknown", "unknown", false, "the release-version validator did not run");
    }
    Optional<ReleaseReading> b = reading(Phase.BEFORE, service);
    Optional<ReleaseReading> a = reading(Phase.AFTER, service);
    String before = b.map(EvidenceBuilder::describe).orElse("not measured");
    String after = a.map(EvidenceBuilder::describe).orElse("not measured");
    if (a.isEmpty() || !a.get().readable()) {
      return new Evidence.ReleaseFacts(before, after, false, "no readable version document after the upgrade");
    }
    List<Outcome> outcomes = byCheck.getOrDefault(ReleaseVersionCheck.NAME, List.of());
    if (expectAfter != null) {
      boolean allows = a.get().candidates().contains(expectAfter);
      Optional<Outcome> failed = outcomes.stream().filter(Outcome::failed)
          .filter(o -> o.test().endsWith("(after)") && (o.service() == null || service.equals(o.service()))).findFirst();
      if (!allows || failed.isPresent()) {
        return new Evidence.ReleaseFacts(before, after, false, "expected " + expectAfter.id() + " after"
            + failed.map(o -> ": " + o.message()).orElse(", the version document allows " + a.get().candidates().describe()));
      }
      return new Evidence.ReleaseFacts(before, after, true, a.get().candidates().isSingle() ? "equals the expected " + expectAfter.id()
          : "allows the expected " + expectAfter.id() + " (alone ambiguous; no service contradicts it)");
    }
    if (b.isEmpty() || !b.get().readable()) {
      return new Evidence.ReleaseFacts(before, after, false, "no readable version document before the upgrade to compare with");
    }
    if (b.get().value() != null && b.get().value().equals(a.get().value())) {
      return new Evidence.ReleaseFacts(before, after, true, "same version (" + a.get().value() + ") before and after");
    }
    Optional<Outcome> notOlder = outcomes.stream().filter(o -> "same or newer after".equals(o.test()) && service.equals(o.service())).findFirst();
    boolean ok = notOlder.map(o -> o.status() == Outcome.Status.PASSED).orElse(false);
    return new Evidence.ReleaseFacts(before, after, ok, notOlder.map(Outcome::message).orElse("cannot tell whether it went forward"));
  }

  private Optional<ReleaseReading> reading(Phase phase, String service) {
    return release.readings().getOrDefault(phase, List.of()).stream().filter(r -> service.equals(r.service())).findFirst();
  }

  private static String describe(ReleaseReading r) {
    return r.readable() ? r.candidates().describe() : "unknown (" + r.error() + ")";
  }

  private double seconds(String phase) {
    return window.phases().stream().filter(p -> phase.equals(p.name()))
        .mapToDouble(p -> Duration.between(p.start(), p.end()).toMillis() / 1000.0).sum();
  }

  private boolean overlapsPhase(Instant start, Instant end, String phase) {
    return window.phases().stream().anyMatch(p -> phase.equals(p.name()) && start.isBefore(p.end()) && end.isAfter(p.start()));
  }

  private long lostFlowsDuring(String service) {
    try (RecordReader<FlowRecord> flows = RecordReader.flows(runDir)) {
      return flows.stream().filter(f -> service.equals(f.service()) && f.outcome() == FlowOutcome.LOST)
          .filter(f -> overlapsPhase(Instant.ofEpochMilli(f.acceptedMs()), Instant.ofEpochMilli(f.acceptedMs() + 1), "during")).count();
    } catch (RuntimeException e) {
      return 0; // no flows.tsv: no flow ran, so none was lost
    }
  }
}
