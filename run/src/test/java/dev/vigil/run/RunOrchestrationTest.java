package dev.vigil.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.lifecycle.Check;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.Phase;
import dev.vigil.lifecycle.RunContext;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.RunRecorder;
import dev.vigil.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order of an upgrade run's steps, and what it still does after a failure or a stop, with fake validators and window. */
class RunOrchestrationTest {

  @TempDir Path dir;

  private final List<String> calls = new CopyOnWriteArrayList<>();

  /** A validator that records its lifecycle calls, optionally failing at start(BEFORE). */
  private class FakeCheck implements Check {
    private final String name;
    private final boolean failBefore;

    FakeCheck(String name, boolean failBefore) {
      this.name = name;
      this.failBefore = failBefore;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void prepare(RunContext run) {
      calls.add(name + " prepare");
    }

    @Override
    public void start(Phase phase) {
      calls.add(name + " " + phase);
      if (failBefore && phase == Phase.BEFORE) {
        throw new VigilException("the cloud said no");
      }
    }

    @Override
    public void collect() {
      calls.add(name + " collect");
    }

    @Override
    public List<Outcome> evaluate() {
      return List.of(Outcome.passed(name, "works", null, "ok", List.of()));
    }

    @Override
    public void cleanUp() {
      calls.add(name + " cleanUp");
    }
  }

  /** A window that only marks its bounds, as the Gatling JVM does, from its own recorder. */
  private final class FakeWindow implements Observation {
    private RunRecorder recorder;

    @Override
    public boolean start(Duration patience) {
      calls.add("window start");
      recorder = RunRecorder.open(dir);
      recorder.event(EventRecord.windowStart(System.currentTimeMillis()));
      return true;
    }

    @Override
    public int stop(Duration patience) {
      calls.add("window stop");
      recorder.event(EventRecord.windowEnd(System.currentTimeMillis()));
      recorder.close();
      return 0;
    }

    @Override
    public void close() {
      if (recorder != null) {
        recorder.close();
      }
    }
  }

  private RunOptions options(Driver driver, List<Check> checks) {
    return options(driver, checks, Duration.ofMillis(200));
  }

  private RunOptions options(Driver driver, List<Check> checks, Duration before) {
    CloudConfig cloud = new CloudConfig("test", "http://127.0.0.1:1/v3", null, null, "public", null, true, null);
    return new RunOptions("run-1", dir, cloud, null, List.of("identity"), Settings.defaults(), before, Duration.ofMillis(200),
        null, Level.ROLLING, driver, checks, FakeWindow::new, dir, line -> {},
        dev.vigil.requestlogs.LogSource.NONE);
  }

  @Test
  void theStepsRunInOrderAndEverythingIsWritten() throws Exception {
    UpgradeRun.Finished o = new UpgradeRun(options(new CommandDriver("echo upgraded", Duration.ofSeconds(30)),
        List.of(new FakeCheck("a", false), new FakeCheck("b", false)))).run(new Stop());

    assertThat(calls).containsExactly("a prepare", "b prepare", "a BEFORE", "b BEFORE", "window start", "window stop",
        "a AFTER", "b AFTER", "a collect", "b collect", "a cleanUp", "b cleanUp");
    assertThat(o.interrupted()).isFalse();
    // no release, health or resource validator ran: rolling cannot be established, and the reasons say why
    assertThat(o.passed()).isFalse();
    assertThat(o.inconclusive()).isTrue();
    assertThat(o.result().verdicts().get("identity").reasons()).contains(
        "rolling: inconclusive: release unknown → unknown: the release-version validator did not run");
    assertThat(Files.readString(dir.resolve("junit.xml"))).contains("<error message=\"identity: rolling: inconclusive: release unknown");
    assertThat(o.result().run().driverExitCode()).isZero();
    assertThat(o.result().window().phases()).extracting(p -> p.name()).containsExactly("before", "during", "after");
    assertThat(Files.readString(dir.resolve("junit.xml"))).contains("name=\"upgrade step\"").contains("name=\"identity: rolling\"");
    assertThat(dir.resolve("result.json")).exists();
    assertThat(o.unsaved()).isNull();
    assertThat(dir.resolve("a.json")).exists();
    assertThat(Files.readString(dir.resolve("run.json"))).contains("\"upgrade_commands\" : [ \"echo upgraded\" ]")
        .contains("\"latency_floor\" : \"20ms\"").contains("\"stall_multiple\" : 3.0").contains("\"max_in_flight\" : 10")
        .contains("\"gatling\" : \"" + dev.vigil.build.VigilBuild.current().gatling() + "\"").contains("\"java\" : \"" + Runtime.version() + "\"");
  }

  @Test
  void aResultThatCannotBeWrittenKeepsTheVerdictsForTheCallerAndSaysWhy() throws Exception {
    Files.createDirectory(dir.resolve("result.json.tmp")); // result.json cannot be written, as on a full disk
    UpgradeRun.Finished o = new UpgradeRun(options(new CommandDriver("true", Duration.ofSeconds(30)),
        List.of(new FakeCheck("a", false)))).run(new Stop());
    assertThat(o.unsaved()).startsWith("Cannot write " + dir.resolve("result.json") + ": ");
    assertThat(o.result().verdicts()).containsKey("identity");
    assertThat(calls).contains("window stop", "a AFTER", "a cleanUp");
    assertThat(dir.resolve("result.json")).doesNotExist();
  }

  @Test
  void aValidatorFailingBeforeBecomesAFailedOutcomeAndTheRunGoesOn() throws Exception {
    UpgradeRun.Finished o = new UpgradeRun(options(new CommandDriver("true", Duration.ofSeconds(30)),
        List.of(new FakeCheck("a", true)))).run(new Stop());
    assertThat(calls).contains("window start", "a AFTER", "a cleanUp");
    assertThat(o.outcomes()).anyMatch(x -> x.check().equals("a") && x.failed() && x.message().equals("a stopped at start(before): the cloud said no"));
  }

  @Test
  void aStopDuringTheValidatorsSkipsTheWindowAndStillJudgesAndWrites() throws Exception {
    Stop stop = new Stop();
    Check stopper = new FakeCheck("a", false) {
      @Override
      public void start(Phase phase) {
        super.start(phase);
        stop.request();
      }
    };
    UpgradeRun.Finished o = new UpgradeRun(options(new CommandDriver("true", Duration.ofSeconds(30)), List.of(stopper, new FakeCheck("b", false)))).run(stop);
    assertThat(calls).containsExactly("a prepare", "b prepare", "a BEFORE", "a collect", "b collect", "a cleanUp", "b cleanUp");
    assertThat(o.interrupted()).isTrue();
    assertThat(o.inconclusive()).isFalse();
    assertThat(o.result().verdicts().get("identity").reasons()).contains(
        "zero_downtime: inconclusive: no request was measured from the upgrade's start to the window's end");
    assertThat(o.result().run().driverError()).isEqualTo("the window never began");
    assertThat(dir.resolve("result.json")).exists();
  }

  @Test
  void aStopBeforeTheUpgradeEndsTheRunCleanlyAndStillWritesTheResult() throws Exception {
    Stop stop = new Stop();
    UpgradeRun run = new UpgradeRun(options(new CommandDriver("true", Duration.ofSeconds(30)), List.of(new FakeCheck("a", false)), Duration.ofSeconds(30)));
    new Thread(() -> {
      try {
        while (!calls.contains("window start")) {
          Thread.sleep(10);
        }
      } catch (InterruptedException e) {
        return;
      }
      stop.request();
    }).start();
    UpgradeRun.Finished o = run.run(stop);
    assertThat(o.interrupted()).isTrue();
    assertThat(o.passed()).isFalse();
    assertThat(calls).contains("window stop", "a cleanUp").doesNotContain("a AFTER");
    assertThat(o.result().run().driverError()).isEqualTo("stopped by Ctrl-C or SIGTERM before the upgrade started");
    assertThat(dir.resolve("result.json")).exists();
  }
}
