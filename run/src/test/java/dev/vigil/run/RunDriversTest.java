package dev.vigil.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import dev.vigil.recording.EventKind;
import dev.vigil.recording.EventRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDriversTest {

  @TempDir Path dir;

  private final List<EventRecord> events = new CopyOnWriteArrayList<>();

  private Driver.Context context(Stop stop) {
    return new Driver.Context(dir, dir, stop, events::add, line -> {});
  }

  @Test
  void aCommandsOutputGoesToDriverLogAndEventsWithItsExitCode() throws Exception {
    DriverResult r = new CommandDriver("echo one; echo two >&2", Duration.ofSeconds(30)).upgrade(context(new Stop()));
    assertThat(r.ok()).isTrue();
    assertThat(r.exitCode()).isZero();
    List<String> log = Files.readAllLines(dir.resolve(CommandDriver.LOG));
    assertThat(log).anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z one"))
        .anyMatch(l -> l.endsWith(" two")).anyMatch(l -> l.contains("vigil: end: exit 0"));
    assertThat(events).extracting(EventRecord::kind).containsOnly(EventKind.DRIVER);
    assertThat(events).extracting(EventRecord::text).contains("one", "two", "end: exit 0");
  }

  /** An upgrade tool that prints its variables (ansible -v) leaves no secret in driver.log, events or progress. */
  @Test
  void theUpgradeToolsOutputIsStoredWithItsSecretsHidden() throws Exception {
    List<String> progress = new CopyOnWriteArrayList<>();
    Driver.Context ctx = new Driver.Context(dir, dir, new Stop(), events::add, progress::add);
    String printed = "printf '%s\\n' 'ok: [aio1] => {\"keystone_auth_admin_password\": \"Hunter2x\"}'"
        + " 'changed: [aio1] => (item={\"key\": \"db_password\", \"value\": \"Hunter2y\"})' 'connection = mysql+pymysql://nova:Hunter2z@db/nova'";
    DriverResult r = new CommandDriver(printed, Duration.ofSeconds(30)).upgrade(ctx);
    assertThat(r.ok()).isTrue();
    String log = Files.readString(dir.resolve(CommandDriver.LOG));
    assertThat(log).contains("\"keystone_auth_admin_password\": \"***\"", "mysql+pymysql://nova:***@db/nova").doesNotContain("Hunter2");
    assertThat(events).extracting(EventRecord::text).noneMatch(t -> t.contains("Hunter2")).anyMatch(t -> t.contains("\"value\": \"***\""));
    assertThat(progress).isNotEmpty().noneMatch(t -> t.contains("Hunter2"));
  }

  @Test
  void aFailingCommandIsAFailedStepWithItsExitCode() throws Exception {
    DriverResult r = new CommandDriver("echo broken; exit 3", Duration.ofSeconds(30)).upgrade(context(new Stop()));
    assertThat(r.ok()).isFalse();
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.error()).startsWith("the upgrade command failed with exit code 3 (see " + dir.resolve("driver.log"));
  }

  @Test
  void aHangingCommandIsKilledWithItsChildrenAtTheTimeout() throws Exception {
    Path marker = dir.resolve("child-alive");
    long start = System.nanoTime();
    DriverResult r = new CommandDriver("(sleep 30; touch " + marker + ") & sleep 30", Duration.ofSeconds(1)).upgrade(context(new Stop()));
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    assertThat(r.ok()).isFalse();
    assertThat(r.exitCode()).isNull();
    assertThat(r.error()).startsWith("the upgrade command did not end within --driver-timeout 1s; it was terminated");
    Thread.sleep(300);
    assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("touch " + marker))).isEmpty();
  }

  @Test
  void aStopEndsTheCommand() throws Exception {
    Stop stop = new Stop();
    new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        return;
      }
      stop.request();
    }).start();
    DriverResult r = new CommandDriver("sleep 30", Duration.ofMinutes(1)).upgrade(context(stop));
    assertThat(r.stopped()).isTrue();
    assertThat(r.seconds()).isLessThan(10);
  }

  @Test
  void aCommandIsRequired() {
    assertThatThrownBy(() -> new CommandDriver(" ", null)).isInstanceOf(VigilException.class).hasMessageContaining("--upgrade-cmd");
  }

  @Test
  void theExternalDriverFollowsTheMarksAndRecordsThem() throws Exception {
    Files.writeString(dir.resolve(Marks.RUN_FILE), "{}");
    ExternalDriver d = new ExternalDriver();
    Stop stop = new Stop();
    long during = Marks.set(dir, Marks.Name.DURING);
    assertThat(d.awaitDuring(context(stop), Duration.ofHours(1))).isEqualTo(during);
    long after = Marks.set(dir, Marks.Name.AFTER);
    DriverResult r = d.upgrade(context(stop));
    assertThat(r.ok()).isTrue();
    assertThat(r.endMs()).isEqualTo(after);
    long done = Marks.set(dir, Marks.Name.DONE);
    assertThat(d.awaitDone(context(stop), Duration.ofHours(1))).isEqualTo(done);
    assertThat(events).extracting(EventRecord::kind).containsOnly(EventKind.MARK);
    assertThat(events).extracting(EventRecord::text).containsExactly("during", "after", "done");
    assertThat(events).extracting(EventRecord::timestampMs).containsExactly(during, after, done);
  }

  @Test
  void aLaterMarkAlsoEndsTheEarlierPhasesAndAStopEndsTheWait() throws Exception {
    Files.writeString(dir.resolve(Marks.RUN_FILE), "{}");
    long after = Marks.set(dir, Marks.Name.AFTER);
    assertThat(new ExternalDriver().awaitDuring(context(new Stop()), Duration.ZERO)).isEqualTo(after);

    Stop stop = new Stop();
    stop.request();
    Path other = Files.createDirectory(dir.resolve("other"));
    Files.writeString(other.resolve(Marks.RUN_FILE), "{}");
    Driver.Context ctx = new Driver.Context(other, other, stop, events::add, line -> {});
    assertThat(new ExternalDriver().awaitDuring(ctx, Duration.ZERO)).isEqualTo(-1);
    assertThat(new ExternalDriver().upgrade(ctx).stopped()).isTrue();
  }
}
