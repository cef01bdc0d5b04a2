package dev.vigil.run;

import dev.vigil.recording.Redaction;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The drivers that run the upgrade as shell command lines, one step after the other ({@code bash -c
 * LINE} each, in its own process group): {@code --driver command} (one line, {@code --upgrade-cmd}),
 * and {@code openstack-ansible} and {@code kolla-ansible}, whose lines {@link OpenstackAnsibleUpgrade}
 * and {@link KollaAnsibleUpgrade} build. The output goes line by line, time-stamped, to {@code
 * driver.log} and as DRIVER events to events.tsv; each step's start and end, and the exit code and
 * duration, are recorded. A step that fails ends the sequence; the timeout covers all the steps. The
 * baseline and the after phase last the durations given.
 */
public final class CommandDriver implements Driver {

  public static final String LOG = "driver.log";

  /** After SIGTERM, how long the command's processes get to put things back before SIGKILL. */
  private static final Duration TERM_GRACE = Duration.ofSeconds(10);

  private static final DateTimeFormatter ISO_MS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final String name;
  private final UpgradeSteps steps;
  private final Duration timeout;

  /** {@code --driver command}: the upgrade is one shell command. */
  public CommandDriver(String command, Duration timeout) {
    this("command", new UpgradeSteps(List.of(requireCommand(command)), null), timeout);
  }

  /**
   * @param name the driver's name, as --driver takes it
   * @param steps the lines to run
   * @param timeout for all the steps together; null for none
   */
  public CommandDriver(String name, UpgradeSteps steps, Duration timeout) {
    this.name = name;
    this.steps = steps;
    this.timeout = timeout;
  }

  private static String requireCommand(String command) {
    if (command == null || command.isBlank()) {
      throw new VigilException("--driver command needs --upgrade-cmd 'CMD': the shell command that performs the upgrade");
    }
    return command;
  }

  @Override
  public String name() {
    return name;
  }

  /** For all the steps together; null for none. */
  public Duration timeout() {
    return timeout;
  }

  public UpgradeSteps steps() {
    return steps;
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
    Path dir = steps.directory() == null ? context.workingDir() : steps.directory();
    long start = System.currentTimeMillis();
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    List<String> commands = steps.commands();
    StepEnd last = null;
    for (int i = 0; i < commands.size() && (last == null || last.error() == null); i++) {
      // A single command keeps the plain "start: CMD" events that --driver command always wrote.
      String label = commands.size() == 1 ? "" : "step " + (i + 1) + "/" + commands.size() + ": ";
      String what = commands.size() == 1 ? "the upgrade command"
          : "step " + (i + 1) + "/" + commands.size() + " (" + Redaction.commandLine(commands.get(i)) + ")";
      last = step(commands.get(i), dir, label, what, deadline, log, context);
    }
    long end = System.currentTimeMillis();
    String summary = last.error() == null ? "end: exit 0" : "end: " + last.error();
    context.events().accept(new EventRecord(end, EventKind.DRIVER, null, summary));
    appendLine(log, ISO_MS.format(Instant.ofEpochMilli(end)) + " vigil: " + summary + String.format(Locale.ROOT, " after %.1f s", (end - start) / 1000.0));
    return new DriverResult(last.exit(), start, end, last.error(), last.stopped());
  }

  /** How one step went: its exit code (null when it was terminated), and why it failed (null when it did not). */
  private record StepEnd(Integer exit, String error, boolean stopped) {}

  private StepEnd step(String command, Path dir, String label, String what, long deadline, Path log, Context context) throws InterruptedException {
    if (context.stop().requested()) {
      return new StepEnd(null, "stopped by Ctrl-C or SIGTERM before " + what + " started", true);
    }
    long start = System.currentTimeMillis();
    // setsid: the command gets its own process group, so a timeout or Ctrl-C ends all it started,
    // and the terminal's Ctrl-C reaches Vigil only, which then stops the command in order.
    ProcessBuilder pb = new ProcessBuilder("setsid", "bash", "-c", command).directory(dir.toFile()).redirectErrorStream(true);
    steps.unset().forEach(pb.environment()::remove);
    pb.environment().putAll(steps.set());
    Process process;
    try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      w.write(ISO_MS.format(Instant.ofEpochMilli(start)) + " vigil: " + label + "running in " + dir + ": bash -c " + Redaction.commandLine(command) + "\n");
      process = pb.start();
    } catch (IOException e) {
      return new StepEnd(null, "cannot start " + what + " (" + e.getMessage() + "): setsid and bash must be installed, and " + dir + " readable", false);
    }
    context.events().accept(new EventRecord(start, EventKind.DRIVER, null, label + "start: " + Redaction.commandLine(command)));
    Thread copier = new Thread(() -> copy(process, log, context), "vigil-driver-output");
    copier.setDaemon(true);
    copier.start();

    String error = null;
    boolean stopped = false;
    while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
      if (context.stop().requested()) {
        stopped = true;
        error = "stopped by Ctrl-C or SIGTERM while " + what + " ran; it was terminated";
        break;
      }
      if (System.nanoTime() > deadline) {
        error = what + " did not end within --driver-timeout " + dev.vigil.settings.Durations.format(timeout)
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
        error = what + " failed with exit code " + exit + " (see " + log + ")";
      }
    }
    copier.join(2000);
    if (!label.isEmpty()) {
      long end = System.currentTimeMillis();
      String summary = label + "end: " + (exit == null ? "terminated" : "exit " + exit);
      context.events().accept(new EventRecord(end, EventKind.DRIVER, null, summary));
      appendLine(log, ISO_MS.format(Instant.ofEpochMilli(end)) + " vigil: " + summary + String.format(Locale.ROOT, " after %.1f s", (end - start) / 1000.0));
    }
    return new StepEnd(exit, error, stopped);
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
        // ansible -v and friends print variables, URLs and tokens: nothing stored sees them
        line = Redaction.outputLine(line);
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
