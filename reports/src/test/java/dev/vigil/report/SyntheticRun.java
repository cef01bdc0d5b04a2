package dev.vigil.report;

import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.OutcomeFiles;
import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.EventKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.FlowOutcome;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.RunRecorder;
import dev.vigil.recording.Traffic;
import dev.vigil.result.ResultAnalyzer;
import dev.vigil.result.ResultWriter;
import dev.vigil.result.RunResult;
import dev.vigil.result.ServiceVerdict;
import dev.vigil.result.WindowResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * A run folder written by the real recorder and analyzer, with times the tests choose: a window of
 * 100 s from {@link #T0}, phases before (0 s), during (40 s) and after (70 s).
 */
final class SyntheticRun {

  /** 2026-01-01T00:00:00Z. */
  static final long T0 = 1_767_225_600_000L;

  private final Path dir;
  private final RunRecorder recorder;

  private SyntheticRun(Path dir) {
    this.dir = dir;
    this.recorder = RunRecorder.open(dir);
    recorder.event(EventRecord.windowStart(T0));
  }

  static SyntheticRun in(Path dir) {
    return new SyntheticRun(dir);
  }

  SyntheticRun phases() {
    recorder.event(EventRecord.phase(T0, "before"));
    recorder.event(EventRecord.phase(T0 + 40_000, "during"));
    recorder.event(EventRecord.phase(T0 + 70_000, "after"));
    return this;
  }

  /**
   * Uptime probes of {@code service} on new connections every 100 ms over the whole window; those
   * started in [downFromS, downToS) fail with a refused connection (1 ms).
   */
  SyntheticRun probes(String service, double downFromS, double downToS, LongUnaryOperator latencyAtOffsetMs) {
    for (long t = 0; t < 100_000; t += 100) {
      boolean down = t >= downFromS * 1000 && t < downToS * 1000;
      long start = T0 + t;
      if (down) {
        recorder.record(new RequestRecord(start, start + 1, service, "probe", "GET", Traffic.PROBE, Connection.NEW, 0,
            ErrorKind.CONNECT, false, null));
      } else {
        recorder.record(new RequestRecord(start, start + latencyAtOffsetMs.applyAsLong(t), service, "probe", "GET", Traffic.PROBE,
            Connection.NEW, 200, ErrorKind.NONE, true, "req-" + t));
      }
    }
    return this;
  }

  SyntheticRun driverStep(double atS, String text) {
    recorder.event(new EventRecord(T0 + (long) (atS * 1000), EventKind.DRIVER, null, text));
    return this;
  }

  /** The load balancer's reading of a server of {@code backend} at {@code atS}. */
  SyntheticRun balancer(double atS, String service, String backend, String server, String state) {
    recorder.event(new dev.vigil.recording.BalancerState(backend, server, state).event(T0 + (long) (atS * 1000), service));
    return this;
  }

  SyntheticRun flow(String service, double acceptedS, FlowOutcome outcome, String detail) {
    recorder.flow(new FlowRecord(service, "create-thing", "req-f", "id-1", T0 + (long) (acceptedS * 1000),
        T0 + (long) (acceptedS * 1000) + 2000, outcome, detail));
    return this;
  }

  /** Ends the window and writes result.json as {@code vigil watch} does. */
  WindowResult watched() {
    recorder.event(EventRecord.windowEnd(T0 + 100_000));
    recorder.close();
    WindowResult result = new ResultAnalyzer().analyze(dir, "synthetic", "lab");
    ResultWriter.write(result, dir);
    return result;
  }

  /** Ends the window and writes what {@code vigil run} writes: result.json with verdicts, run.json, a validator's file. */
  WindowResult judged(Map<String, ServiceVerdict> verdicts, boolean passed) {
    recorder.event(EventRecord.windowEnd(T0 + 100_000));
    recorder.close();
    WindowResult window = new ResultAnalyzer().analyze(dir, "synthetic", "lab");
    ResultWriter.write(new RunResult(window, verdicts,
        new RunResult.RunSummary("command", 0, 30.0, null, "zero-downtime", passed, false, false)), dir);
    try {
      Files.writeString(dir.resolve("run.json"), "{\"run_id\":\"synthetic\",\"driver\":\"command\",\"upgrade_commands\":[\"upgrade --all <fast>\"]}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    OutcomeFiles.writeJson(dir, "system-health", List.of(
        Outcome.passed("system-health", "answers its API (before)", "identity", "identity: validate-token: ok", List.of("GET / → 200")),
        Outcome.failed("system-health", "answers its API (after)", "identity", "identity: validate-token: HTTP 503", List.of())));
    return window;
  }
}
