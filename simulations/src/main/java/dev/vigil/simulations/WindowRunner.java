package dev.vigil.simulations;

import dev.vigil.VigilException;
import dev.vigil.recording.EventKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.RecordReader;
import dev.vigil.recording.RunRecorder;
import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one window's simulation in a Gatling JVM and ends it on request: the CLI side of a window.
 * Gatling's console output goes to {@code gatling-console.log} in the run folder; Vigil's live
 * lines come through the child's stderr and are handed to a consumer as they appear.
 */
public final class WindowRunner implements AutoCloseable {

  public static final String CONSOLE_LOG = "gatling-console.log";
  public static final String GATLING_FOLDER = "gatling";

  private final WindowPlan plan;
  private final Process process;
  private final Thread tail;
  private boolean exitNoted;

  private WindowRunner(WindowPlan plan, Process process, Consumer<String> live) {
    this.plan = plan;
    this.process = process;
    this.tail = new Thread(() -> follow(plan.runDir().resolve(CONSOLE_LOG), live), "vigil-window-console");
    tail.setDaemon(true);
    tail.start();
  }

  /** Writes the plan and starts the Gatling JVM. */
  public static WindowRunner start(WindowPlan plan, List<String> jvmOptions, Consumer<String> live) {
    Path planFile = plan.write();
    Path console = plan.runDir().resolve(CONSOLE_LOG);
    try {
      Files.deleteIfExists(plan.stopFile());
      Files.createDirectories(plan.runDir().resolve(GATLING_FOLDER));
      List<String> command =
          GatlingLauncher.command(planFile, plan.runDir().resolve(GATLING_FOLDER), plan.runId(), WindowSimulation.class.getName(), jvmOptions);
      return new WindowRunner(plan, GatlingLauncher.start(command, console), live);
    } catch (IOException e) {
      throw new VigilException("cannot start the Gatling JVM (" + e.getMessage() + "); its output would have gone to " + console);
    }
  }

  /**
   * Asks the window to end; the simulation notices within 100 ms. Safe to call more than once. The
   * stop file's existence is the signal, so it stays empty: creating it still works on a disk too
   * full for one more byte. When even that fails, {@code warn} hears why and the window ends at
   * its maximum duration.
   */
  public void stop(Consumer<String> warn) {
    try {
      Files.newByteChannel(plan.stopFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
    } catch (IOException e) {
      warn.accept("cannot write the stop file " + plan.stopFile() + " (" + e.getMessage() + "); the window ends at its maximum duration");
    }
  }

  /**
   * Waits until the simulation has marked the window's start (its first probes are leaving), so a
   * window of --duration D observes for D, not D minus the Gatling JVM's start-up. False when the
   * JVM ended or {@code patience} passed first.
   */
  public boolean awaitStart(Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      if (started()) {
        return true;
      }
      Thread.sleep(100);
    }
    return started();
  }

  private boolean started() {
    try (RecordReader<EventRecord> events = RecordReader.events(plan.runDir())) {
      while (events.hasNext()) {
        EventRecord e = events.next();
        if (e.kind() == EventKind.WINDOW && "start".equals(e.text())) {
          return true;
        }
      }
      return false;
    } catch (RuntimeException e) {
      return false; // not written yet
    }
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /**
   * Waits for the Gatling JVM to end (it writes its report first) and returns its exit code. If it
   * has not ended in {@code patience}, it is killed and -1 is returned.
   */
  public int awaitEnd(Duration patience) throws InterruptedException {
    int exit;
    if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      exit = -1;
    } else {
      tail.join(2000);
      exit = process.exitValue();
    }
    noteExit(exit);
    return exit;
  }

  /**
   * Writes how the injector ended into events.tsv, so the result can tell a window the injector
   * closed from one it died in (and when the run noticed). Once only.
   */
  private void noteExit(int exit) {
    if (exitNoted) {
      return;
    }
    exitNoted = true;
    try {
      RunRecorder.appendEvent(plan.runDir(), EventRecord.observersExit(System.currentTimeMillis(), exit));
    } catch (IOException e) {
      // a full disk: the result then cannot tell how the injector ended, and says the window was not closed cleanly if it was not
    }
  }

  /** Gatling's HTML report folder of this window, once written. */
  public static java.util.Optional<Path> report(Path runDir) {
    try (var dirs = Files.list(runDir.resolve(GATLING_FOLDER))) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("index.html"))).findFirst();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * Drains the child's stderr until it closes: live lines go to {@code live}, every line is also
   * appended to the console log. That copy is best effort: when the run folder's disk is full the
   * lines still reach the terminal, and the log just stops.
   */
  private void follow(Path file, Consumer<String> live) {
    OutputStream log = openLog(file);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith(LiveStatus.PREFIX)) {
          live.accept(line.substring(LiveStatus.PREFIX.length()));
        }
        if (log != null) {
          try {
            log.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            log.flush();
          } catch (IOException e) {
            closeQuietly(log);
            log = null;
          }
        }
      }
    } catch (IOException e) {
      // the child is gone
    } finally {
      if (log != null) {
        closeQuietly(log);
      }
    }
  }

  private static OutputStream openLog(Path file) {
    try {
      return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      return null;
    }
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      // the copy is best effort; the lines reached the terminal
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!process.isAlive()) {
      noteExit(process.exitValue());
    }
  }
}
