package dev.vigil.run;

import dev.vigil.recording.Redaction;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.VigilException;
import dev.vigil.lifecycle.Check;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.OutcomeFiles;
import dev.vigil.lifecycle.Phase;
import dev.vigil.lifecycle.RunContext;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.RunRecorder;
import dev.vigil.resources.PersistentResources;
import dev.vigil.requestlogs.LogLimits;
import dev.vigil.requestlogs.RequestLogs;
import dev.vigil.result.ResultAnalyzer;
import dev.vigil.result.ResultWriter;
import dev.vigil.result.RunResult;
import dev.vigil.result.ServiceVerdict;
import dev.vigil.result.WindowResult;
import dev.vigil.settings.Durations;
import dev.vigil.balancer.BalancerWatch;
import dev.vigil.settings.ThresholdSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One upgrade run (issue 7): validators before → window starts → before (baseline) → the driver
 * upgrades (during) → after → window stops → validators after → clean-up → verdict per service →
 * result.json and junit.xml. A {@link Stop} at any point ends the run early; clean-up still runs
 * and what was measured is still written.
 */
public final class UpgradeRun {

  public static final String JUNIT = "junit.xml";

  /** Outcomes' check name for the driver's own test case and the verdict cases. */
  static final String DRIVER_CHECK = "upgrade-driver";
  static final String VERDICT_CHECK = "verdict";

  private final RunOptions options;

  public UpgradeRun(RunOptions options) {
    this.options = options;
  }

  /**
   * What the run concluded.
   *
   * @param passed every service met the required level and the driver succeeded
   * @param interrupted stopped before the upgrade's after phase began
   */
  /**
   * What the run found. {@code unsaved} is null when result.json and junit.xml were written, else
   * why not (a full disk): the verdicts are still here for the caller to show.
   */
  public record Finished(RunResult result, List<Outcome> outcomes, Path resultFile, Path junitFile, boolean passed, boolean interrupted,
      String unsaved) {

    /** No service failed the required level, but one could not be judged: its evidence was incomplete. */
    public boolean inconclusive() {
      return result.run().inconclusive();
    }
  }

  /**
   * Runs the whole thing; blocks until done. {@code prepare} failures of a validator throw a
   * {@link VigilException} before anything was created in the cloud; anything later is recorded.
   */
  public Finished run(Stop stop) throws InterruptedException {
    RunOptions o = options;
    writeRunFile();
    RunContext context = new RunContext(o.runId(), o.runDir(), o.cloud(), o.identity(), o.services(), o.settings(), line -> o.progress().accept("  " + line));
    for (Check c : o.validators()) {
      o.progress().accept("vigil: preparing " + c.name());
      c.prepare(context);
    }
    Map<Check, List<Outcome>> failures = new LinkedHashMap<>();
    o.validators().forEach(c -> failures.put(c, new ArrayList<>()));
    DriverResult driven = null;
    boolean afterBegan = false;
    try (RunRecorder recorder = RunRecorder.open(o.runDir(), RunRecorder.Options.defaults().withOnProblem(p -> o.progress().accept("vigil: " + p)))) {
      try {
        phaseOfValidators(Phase.BEFORE, failures, stop, true);
        if (!stop.requested()) {
          driven = window(recorder, stop);
          afterBegan = driven != null && !driven.stopped();
        }
        if (afterBegan) {
          // once the upgrade is over, a stop only shortens the after phase: the state after is still checked
          phaseOfValidators(Phase.AFTER, failures, stop, false);
        }
        for (Check c : o.validators()) {
          step(c, "collect", failures, c::collect);
        }
      } finally {
        for (Check c : o.validators()) {
          o.progress().accept("vigil: cleaning up " + c.name());
          try {
            c.cleanUp();
          } catch (RuntimeException e) {
            failures.get(c).add(Outcome.failed(c.name(), "runs", null, c.name() + " clean-up failed: " + e.getMessage(), List.of()));
          }
        }
      }
    }
    return conclude(failures, driven, !afterBegan);
  }

  /** Starts the window, runs the three phases, stops the window. Null when it never started. */
  private DriverResult window(RunRecorder recorder, Stop stop) throws InterruptedException {
    RunOptions o = options;
    Driver.Context ctx = new Driver.Context(o.runDir(), o.workingDir(), stop, recorder::event, line -> o.progress().accept("  " + line));
    o.progress().accept("vigil: starting the observers' window for " + o.services());
    try (Observation window = o.observation().get()) {
      if (!window.start(Duration.ofMinutes(2))) {
        o.progress().accept("vigil: WARNING: the window did not start in 2 minutes; the run goes on, but what it does not measure "
            + "makes its verdicts inconclusive");
      }
      try (BalancerWatch balancer = balancer(recorder)) {
        return phases(recorder, stop, window, ctx);
      }
    }
  }

  /** The load balancer's servers read during the window, when {@code balancer.haproxy} names one. */
  private BalancerWatch balancer(RunRecorder recorder) {
    return BalancerWatch.of(options.settings().balancer(), recorder::event, options.progress());
  }

  /** Before, during, after, then the window's end. */
  private DriverResult phases(RunRecorder recorder, Stop stop, Observation window, Driver.Context ctx) throws InterruptedException {
    RunOptions o = options;
    long t = System.currentTimeMillis();
    recorder.event(EventRecord.phase(t, "before"));
    o.progress().accept("vigil: phase before (baseline" + (o.driver() instanceof CommandDriver ? ", " + Durations.format(o.before()) : "") + ")");
    DriverResult driven;
    long during = o.driver().awaitDuring(ctx, o.before());
    if (during < 0) {
      driven = new DriverResult(null, System.currentTimeMillis(), System.currentTimeMillis(), "stopped by Ctrl-C or SIGTERM before the upgrade started", true);
    } else {
      recorder.event(EventRecord.phase(during, "during"));
      o.progress().accept("vigil: phase during: driver " + o.driver().name() + " upgrades");
      driven = o.driver().upgrade(ctx);
      o.progress().accept("vigil: driver " + (driven.ok() ? "done" : "FAILED: " + driven.error()) + String.format(Locale.ROOT, " (%.1f s)", driven.seconds()));
      if (!driven.stopped()) {
        recorder.event(EventRecord.phase(driven.endMs(), "after"));
        o.progress().accept("vigil: phase after" + (o.driver() instanceof CommandDriver ? " (" + Durations.format(o.after()) + ")" : ""));
        o.driver().awaitDone(ctx, o.after());
      }
    }
    o.progress().accept("vigil: ending the window; Gatling writes its report");
    int exit = window.stop(o.settings().flows().grace().multipliedBy(3).plusMinutes(2));
    if (exit != 0) {
      o.progress().accept("vigil: WARNING: the observers ended with exit code " + exit + "; see gatling-console.log in the run folder"
          + " (if they died before closing the window, the verdicts are inconclusive)");
    }
    return driven;
  }

  private void phaseOfValidators(Phase phase, Map<Check, List<Outcome>> failures, Stop stop, boolean honourStop) {
    for (Check c : options.validators()) {
      if (honourStop && stop.requested()) {
        return;
      }
      options.progress().accept("vigil: " + c.name() + " (" + phase.name().toLowerCase(Locale.ROOT) + ")");
      step(c, "start(" + phase.name().toLowerCase(Locale.ROOT) + ")", failures, () -> c.start(phase));
    }
  }

  /** A validator's failure after prepare becomes its failed outcome and does not stop the run (see {@link Check}). */
  private static void step(Check c, String step, Map<Check, List<Outcome>> failures, Runnable action) {
    try {
      action.run();
    } catch (VigilException e) {
      failures.get(c).add(Outcome.failed(c.name(), "runs", null, c.name() + " stopped at " + step + ": " + e.getMessage(), List.of()));
    }
  }

  private Finished conclude(Map<Check, List<Outcome>> failures, DriverResult driven, boolean interrupted) {
    RunOptions o = options;
    List<Outcome> all = new ArrayList<>();
    Map<String, List<Outcome>> byCheck = new LinkedHashMap<>();
    for (Check c : o.validators()) {
      List<Outcome> outs = new ArrayList<>(failures.get(c));
      try {
        outs.addAll(c.evaluate());
        c.write(o.runDir());
      } catch (VigilException e) {
        outs.add(Outcome.failed(c.name(), "runs", null, c.name() + " stopped at evaluate: " + e.getMessage(), List.of()));
      }
      // persistent-resources.json is the validator's ledger (what sweep --from reads), which keeps
      // its outcomes itself: writing the outcomes' file over it would lose the resource list
      if (!PersistentResources.NAME.equals(c.name())) {
        OutcomeFiles.writeJson(o.runDir(), c.name(), outs);
      }
      byCheck.put(c.name(), outs);
      all.addAll(outs);
    }
    all.add(driverOutcome(driven));

    // after the window and before the verdict's store: the logs rotate, what they say now is lost later
    WindowResult window = new RequestLogs(o.serviceLogs(), LogLimits.defaults()).explain(analyze(), o.runDir());
    EvidenceBuilder evidence = new EvidenceBuilder(o.runDir(), window, byCheck, releaseCheck(), o.expectAfter());
    ThresholdSettings ts = o.settings().thresholds();
    Evidence.Thresholds thresholds = new Evidence.Thresholds(ts.latencyP95Tolerance(), ts.significance(), ts.maxDowntime().toMillis() / 1000.0,
        ts.latencyFloor().toMillis(), ts.stallMultiple(), ts.stallShare());
    Map<String, ServiceVerdict> verdicts = new LinkedHashMap<>();
    ServiceVerdict.Answer required = ServiceVerdict.Answer.YES;
    for (String service : o.services()) {
      ServiceVerdict v = VerdictJudge.judge(evidence.of(service), thresholds);
      verdicts.put(service, v);
      all.addAll(VerdictCases.of(service, v));
      required = required.and(o.require().metBy(v.verdict()));
    }
    boolean driverOk = driven != null && driven.ok() && !interrupted;
    boolean passed = required.yes() && driverOk;
    boolean inconclusive = required == ServiceVerdict.Answer.INCONCLUSIVE && driverOk;
    RunResult.RunSummary summary = new RunResult.RunSummary(o.driver().name(), driven == null ? null : driven.exitCode(),
        driven == null ? 0 : driven.seconds(), driven == null ? "the window never began" : driven.error(), o.require().label(), passed, interrupted,
        inconclusive);
    RunResult result = new RunResult(window, verdicts, summary);
    Path resultFile = o.runDir().resolve(ResultWriter.FILE_NAME);
    Path junit = o.runDir().resolve(JUNIT);
    try {
      ResultWriter.write(result, o.runDir());
      OutcomeFiles.writeJUnit(junit, all);
      return new Finished(result, all, resultFile, junit, passed, interrupted, null);
    } catch (VigilException e) {
      return new Finished(result, all, resultFile, junit, passed, interrupted, e.getMessage());
    }
  }

  /** The window's figures; an empty window when it never started (stopped during the validators), so the verdicts still say why. */
  private WindowResult analyze() {
    RunOptions o = options;
    try {
      // the run's thresholds, so each phase's latency_vs_baseline says what the verdict says
      return new ResultAnalyzer(ResultAnalyzer.Options.defaults().withImpact(o.settings().thresholds().impact()))
          .analyze(o.runDir(), o.runId(), o.cloud().name());
    } catch (VigilException e) {
      o.progress().accept("vigil: the window measured nothing (" + e.getMessage() + ")");
      java.time.Instant now = java.time.Instant.now();
      return new WindowResult(WindowResult.SCHEMA, o.runId(), o.cloud().name(), new WindowResult.Window(now, now, 0),
          new WindowResult.Recording(0, 0, 0, 0, 0, List.of()), List.of(), Map.of());
    }
  }

  private dev.vigil.version.ReleaseVersionCheck releaseCheck() {
    return options.validators().stream().filter(c -> c instanceof dev.vigil.version.ReleaseVersionCheck)
        .map(c -> (dev.vigil.version.ReleaseVersionCheck) c).findFirst().orElse(null);
  }

  private static Outcome driverOutcome(DriverResult d) {
    if (d == null) {
      return Outcome.failed(DRIVER_CHECK, "upgrade step", null, "the upgrade never began (stopped before the window)", List.of());
    }
    List<String> evidence = List.of(String.format(Locale.ROOT, "%.1f s", d.seconds()) + (d.exitCode() == null ? "" : ", exit code " + d.exitCode()));
    return d.ok()
        ? Outcome.passed(DRIVER_CHECK, "upgrade step", null, "the driver's upgrade step succeeded", evidence)
        : Outcome.failed(DRIVER_CHECK, "upgrade step", null, d.error(), evidence);
  }

  /** {@code run.json}: the configuration used, secrets removed; also what {@code vigil mark} looks for. */
  private void writeRunFile() {
    RunOptions o = options;
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("run_id", o.runId());
    doc.put("vigil", dev.vigil.build.VigilBuild.current());
    doc.put("cloud", o.cloud().name());
    doc.put("services", o.services());
    doc.put("driver", o.driver().name());
    if (o.driver() instanceof CommandDriver c) {
      doc.put("upgrade_commands", c.steps().commands().stream().map(Redaction::commandLine).toList());
      doc.put("upgrade_dir", c.steps().directory() == null ? o.workingDir().toString() : c.steps().directory().toString());
      doc.put("before", Durations.format(o.before()));
      doc.put("after", Durations.format(o.after()));
    }
    doc.put("expect_after", o.expectAfter() == null ? null : o.expectAfter().id());
    doc.put("require", o.require().label());
    doc.put("validators", o.validators().stream().map(Check::name).toList());
    ThresholdSettings t = o.settings().thresholds();
    doc.put("thresholds", Map.of("latency_p95_tolerance", t.latencyP95Tolerance(), "significance", t.significance(),
        "max_downtime", Durations.format(t.maxDowntime()), "latency_floor", Durations.format(t.latencyFloor()),
        "stall_multiple", t.stallMultiple(), "stall_share", t.stallShare()));
    doc.put("probe", Map.of("max_in_flight", o.settings().probe().maxInFlight()));
    doc.put("settings_file", o.settings().source() == null ? null : o.settings().source().toString());
    doc.put("cloud_config", dev.vigil.cloud.CloudDescription.of(o.cloud()));
    try {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(o.runDir().resolve(Marks.RUN_FILE).toFile(), doc);
    } catch (IOException e) {
      throw new VigilException("cannot write " + o.runDir().resolve(Marks.RUN_FILE) + " (" + e.getMessage() + "): check the output folder");
    }
  }
}
