package dev.vigil.run;

import dev.vigil.VigilException;
import dev.vigil.recording.EventKind;
import dev.vigil.recording.EventRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

/**
 * {@code --driver command}: the upgrade is one shell command ({@code bash -c CMD}), e.g. {@code
 * lab/upgrade rolling identity} or an openstack-ansible playbook. Its output goes line by line,
 * time-stamped, to {@code driver.log} and as DRIVER events to events.tsv; its exit code and
 * duration are recorded. The baseline and the after phase last the durations given.
 */
public final class CommandDriver implements Driver {

  public static final String LOG = "driver.log";

  /** After SIGTERM, how long the command's processes get to put things back before SIGKILL. */
  private static final Duration TERM_GRACE = Duration.ofSeconds(10);

  private static final DateTimeFormatter ISO_MS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final String command;
  private final Duration timeout;

  public CommandDriver(String command, Duration timeout) {
    if (command == null || command.isBlank()) {
      throw new VigilException("--driver command needs --upgrade-cmd 'CMD': the shell command that performs the upgrade");
    }
    this.command = command;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "command";
  }

  public String command() {
    return command;
  }

  @Override
  public long awaitDuring(Context context, Duration before) throws InterruptedException {
    return context.stop().await(before) ? -1 : System.currentTimeMillis();
  }

  @Override
  public long awaitDone(Context context, Duration after) throws InterruptedException {
    return context.stop().await(after) ? -1 : System.currentTimeMillis();
  }

  @Override
  public DriverResult upgrade(Context context) throws InterruptedException {
    Path log = context.runDir().resolve(LOG);
    long start = System.currentTimeMillis();
    // setsid: the command gets its own process group, so a timeout or Ctrl-C ends all it started,
    // and the terminal's Ctrl-C reaches Vigil only, which then stops the command in order.
    ProcessBuilder pb = new ProcessBuilder("setsid", "bash", "-c", command).directory(context.workingDir().toFile()).redirectErrorStream(true);
    Process process;
    try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      w.write(ISO_MS.format(Instant.ofEpochMilli(start)) + " vigil: running: bash -c " + command + "\n");
      process = pb.start();
    } catch (IOException e) {
      return new DriverResult(null, start, System.currentTimeMillis(), "cannot start the upgrade command (" + e.getMessage() + "): check --upgrade-cmd", false);
    }
    context.events().accept(new EventRecord(start, EventKind.DRIVER, null, "start: " + command));
    Thread copier = new Thread(() -> copy(process, log, context), "vigil-driver-output");
    copier.setDaemon(true);
    copier.start();

    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    String error = null;
    boolean stopped = false;
    while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
      if (context.stop().requested()) {
        stopped = true;
        error = "stopped by Ctrl-C or SIGTERM while the upgrade command ran; it was terminated";
        break;
      }
      if (System.nanoTime() > deadline) {
        error = "the upgrade command did not end within --driver-timeout " + dev.vigil.settings.Durations.format(timeout)
            + "; it was terminated (see " + log + "): raise --driver-timeout or fix the command";
        break;
      }
    }
    Integer exit = null;
    if (error != null) {
      terminate(process);
    } else {
      exit = process.exitValue();
      if (exit != 0) {
        error = "the upgrade command failed with exit code " + exit + " (see " + log + ")";
      }
    }
    copier.join(2000);
    long end = System.currentTimeMillis();
    String summary = error == null ? "end: exit 0" : "end: " + error;
    context.events().accept(new EventRecord(end, EventKind.DRIVER, null, summary));
    appendLine(log, ISO_MS.format(Instant.ofEpochMilli(end)) + " vigil: " + summary + String.format(java.util.Locale.ROOT, " after %.1f s", (end - start) / 1000.0));
    return new DriverResult(exit, start, end, error, stopped);
  }

  /** SIGTERM to the command's process group, SIGKILL to whatever is left after the grace time. */
  private static void terminate(Process process) throws InterruptedException {
    signalGroup(process.pid(), "TERM");
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      signalGroup(process.pid(), "KILL");
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static void signalGroup(long pgid, String signal) throws InterruptedException {
    try {
      new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      // no kill binary: Process.destroy above still ends the command and its known children
    }
  }

  private static void copy(Process process, Path log, Context context) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      String line;
      while ((line = in.readLine()) != null) {
        long now = System.currentTimeMillis();
        w.write(ISO_MS.format(Instant.ofEpochMilli(now)) + " " + line + "\n");
        w.flush();
        context.events().accept(new EventRecord(now, EventKind.DRIVER, null, line));
        context.progress().accept("driver: " + line);
      }
    } catch (IOException e) {
      context.progress().accept("driver: output no longer readable (" + e.getMessage() + ")");
    }
  }

  private static void appendLine(Path log, String line) {
    try {
      Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the run folder is gone; the result will say what it can
    }
  }
}
