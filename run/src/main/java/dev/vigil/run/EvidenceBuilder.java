package dev.vigil.run;

import dev.vigil.health.SystemHealthCheck;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.Phase;
import dev.vigil.recording.FlowOutcome;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RecordReader;
import dev.vigil.resources.PersistentResources;
import dev.vigil.result.LatencyByKind;
import dev.vigil.result.ServiceVerdict.Answer;
import dev.vigil.result.WindowResult;
import dev.vigil.version.Candidates;
import dev.vigil.version.Release;
import dev.vigil.version.ReleaseJudge;
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

  /** The phases whose requests are judged for the upgrade's effect, in order. */
  static final List<String> JUDGED = List.of("during", "after");

  Evidence of(String service) {
    List<Outcome> health = relevant(SystemHealthCheck.NAME, service).toList();
    List<Outcome> resources = byCheck.getOrDefault(PersistentResources.NAME, List.of()).stream()
        .filter(o -> !"resources removed".equals(o.test())).toList();
    WindowResult.ServiceResult s = window.services().get(service);
    Evidence.Stretch before = stretch(s, "before");
    List<Evidence.Stretch> upgrade = JUDGED.stream().filter(this::marked).map(p -> stretch(s, p)).toList();
    // load runs through the whole window when it runs at all, so the window's count says whether there was any
    long load = s == null || s.traffic().get("load") == null ? 0 : s.traffic().get("load").requests();
    WindowResult.Recording r = window.recording();
    Evidence.Completeness completeness = new Evidence.Completeness(s != null && s.requests() > 0, r.injectorDied(), r.observersExitCode(),
        r.lost(), r.lateProbes(), r.truncatedFiles(), s == null ? null : s.coverage());
    return new Evidence(service, releaseFacts(service), health, resources, marked("before") ? before : null, upgrade, brokenFlows(service),
        load, completeness, dataPlane(), latencies(service));
  }

  /** The zero-impact test's samples; records.tsv is read once, for the first service. */
  private Evidence.Latencies latencies(String service) {
    if (latencies == null) {
      latencies = LatencyByKind.read(runDir, window.phases());
    }
    Map<String, Map<String, long[]>> byPhase = new java.util.HashMap<>();
    for (String phase : List.of("before", "during", "after")) {
      byPhase.put(phase, latencies.of(phase, service));
    }
    return new Evidence.Latencies(byPhase);
  }

  private boolean marked(String phase) {
    return window.phases().stream().anyMatch(p -> phase.equals(p.name()));
  }

  private Evidence.Stretch stretch(WindowResult.ServiceResult s, String phase) {
    WindowResult.PhaseResult figures = s == null ? null : s.phases().get(phase);
    List<WindowResult.OutageEntry> outages = s == null ? List.of()
        : s.outages().stream().filter(o -> overlapsPhase(o.start(), o.end(), phase)).toList();
    List<WindowResult.BlindInterval> blind = s == null || s.coverage() == null ? List.of()
        : s.coverage().blindIntervals().stream().filter(b -> overlapsPhase(b.start(), b.end(), phase)).toList();
    return new Evidence.Stretch(phase, figures, seconds(phase), outages, blind);
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
      return new Evidence.ReleaseFacts("unknown", "unknown", Answer.INCONCLUSIVE, "the release-version validator did not run");
    }
    Evidence.ReleaseFacts facts = releaseFacts(service, reading(Phase.BEFORE, service), reading(Phase.AFTER, service),
        byCheck.getOrDefault(ReleaseVersionCheck.NAME, List.of()), expectAfter);
    // said in every service's reasons: an upgrade run that installed nothing is no evidence of an upgrade
    return release.nothingChanged().map(line -> new Evidence.ReleaseFacts(facts.before(), facts.after(), facts.answer(), facts.why() + "; " + line))
        .orElse(facts);
  }

  /**
   * Whether a service's release ended right, on its own evidence only: services run different
   * releases during and after an upgrade (Glance may stay behind), so another service's answer, or
   * the cloud-wide outcome, never decides it. With --expect-after, a version document that allows
   * more than the expected release (Keystone's v3.14 has not changed since Queens) cannot confirm
   * it: inconclusive, never yes.
   */
  static Evidence.ReleaseFacts releaseFacts(String service, Optional<ReleaseReading> b, Optional<ReleaseReading> a, List<Outcome> outcomes,
      Release expectAfter) {
    String before = b.map(EvidenceBuilder::describe).orElse("not measured");
    String after = a.map(EvidenceBuilder::describe).orElse("not measured");
    if (a.isEmpty() || !a.get().readable()) {
      return new Evidence.ReleaseFacts(before, after, Answer.INCONCLUSIVE, "no readable version document after the upgrade");
    }
    if (expectAfter != null) {
      Candidates allowed = a.get().candidates();
      if (!allowed.contains(expectAfter)) {
        Optional<Outcome> own = outcomes.stream().filter(o -> o.test().equals(ReleaseJudge.test(Phase.AFTER)) && service.equals(o.service()))
            .filter(Outcome::failed).findFirst();
        return new Evidence.ReleaseFacts(before, after, Answer.NO, "expected " + expectAfter.id() + " after"
            + own.map(o -> ": " + o.message()).orElse(", the version document allows " + allowed.describe()));
      }
      if (allowed.isSingle()) {
        return new Evidence.ReleaseFacts(before, after, Answer.YES, "equals the expected " + expectAfter.id());
      }
      return new Evidence.ReleaseFacts(before, after, Answer.INCONCLUSIVE, "cannot confirm the expected " + expectAfter.id()
          + ": its version document allows " + allowed.describe() + " (" + a.get().basis() + ")");
    }
    if (b.isEmpty() || !b.get().readable()) {
      return new Evidence.ReleaseFacts(before, after, Answer.INCONCLUSIVE, "no readable version document before the upgrade to compare with");
    }
    if (b.get().value() != null && b.get().value().equals(a.get().value())) {
      return new Evidence.ReleaseFacts(before, after, Answer.YES, "same version (" + a.get().value() + ") before and after");
    }
    Optional<Outcome> notOlder = outcomes.stream().filter(o -> "same or newer after".equals(o.test()) && service.equals(o.service())).findFirst();
    Answer ok = notOlder.map(o -> o.status() == Outcome.Status.PASSED ? Answer.YES : o.failed() ? Answer.NO : Answer.INCONCLUSIVE)
        .orElse(Answer.INCONCLUSIVE);
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
    return window.phases().stream().anyMatch(p -> phase.equals(p.name()) && p.overlaps(start, end));
  }

  /** Flows of the service that failed or were lost while touching the judged phases. */
  private List<FlowRecord> brokenFlows(String service) {
    try (RecordReader<FlowRecord> flows = RecordReader.flows(runDir)) {
      return flows.stream().filter(f -> service.equals(f.service()) && f.outcome() != FlowOutcome.HONOURED)
          .filter(f -> JUDGED.stream().anyMatch(p -> overlapsPhase(Instant.ofEpochMilli(f.acceptedMs()), Instant.ofEpochMilli(Math.max(f.endMs(),
              f.acceptedMs()) + 1), p)))
          .toList();
    } catch (RuntimeException e) {
      return List.of(); // no flows.tsv: no flow ran, so none broke
    }
  }
}
