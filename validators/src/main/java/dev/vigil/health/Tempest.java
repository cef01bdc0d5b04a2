package dev.vigil.health;

import dev.vigil.VigilException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Tempest's smoke tests as an external process ({@code tempest run --smoke --concurrency 2} in a
 * workspace the operator set up), its console kept in the run folder and parsed by
 * {@link TempestSummary}. Tempest authenticates with its own tempest.conf, not with Vigil's token.
 */
public final class Tempest {

  /** How to install it, for the SKIPPED outcome and the docs. */
  public static final String HOW_TO =
      "apt-get install python3-tempest, then tempest init DIR and write DIR/etc/tempest.conf (docs/validators.md, Tempest),"
          + " and pass --tempest-workspace DIR";

  private final Path binary;
  private final Path workspace;
  private final Duration timeout;

  public Tempest(Path binary, Path workspace, Duration timeout) {
    this.binary = binary;
    this.workspace = workspace;
    this.timeout = timeout;
  }

  /** The tempest command: on PATH (a ':'-separated list, as in $PATH), else /usr/bin/tempest. */
  public static Optional<Path> find(String path) {
    List<Path> places = new ArrayList<>();
    if (path != null) {
      for (String dir : path.split(":")) {
        if (!dir.isEmpty()) {
          places.add(Path.of(dir, "tempest"));
        }
      }
    }
    places.add(Path.of("/usr/bin/tempest"));
    return places.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
  }

  /** A workspace must hold etc/tempest.conf: without it Tempest fails late with a stack trace. */
  public static void checkWorkspace(Path workspace) {
    if (!Files.isDirectory(workspace)) {
      throw new VigilException("--tempest-workspace " + workspace + " does not exist: create it with tempest init " + workspace
          + " (see docs/validators.md, Tempest)");
    }
    if (!Files.isRegularFile(workspace.resolve("etc").resolve("tempest.conf"))) {
      throw new VigilException("--tempest-workspace " + workspace + " has no etc/tempest.conf: it is not a configured Tempest workspace;"
          + " run tempest init " + workspace + " and write its tempest.conf (see docs/validators.md, Tempest)");
    }
  }

  /**
   * Runs the smoke tests, writing the console to {@code log} and passing result lines to
   * {@code progress} as they come.
   */
  public TempestRun run(Path log, Consumer<String> progress) {
    List<String> lines = new ArrayList<>();
    long start = System.nanoTime();
    Process process;
    try {
      process = new ProcessBuilder(binary.toString(), "run", "--smoke", "--concurrency", "2")
          .directory(workspace.toFile())
          .redirectErrorStream(true)
          .start();
    } catch (IOException e) {
      throw new VigilException("cannot start " + binary + " (" + e.getMessage() + "): check the Tempest installation");
    }
    Thread reader = new Thread(() -> pump(process, log, lines, progress), "vigil-tempest-output");
    reader.setDaemon(true);
    reader.start();
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
        process.destroyForcibly();
      }
      reader.join(10_000);
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      Thread.currentThread().interrupt();
      throw new VigilException("interrupted while Tempest ran; its output so far is in " + log);
    }
    List<String> copy;
    synchronized (lines) {
      copy = List.copyOf(lines);
    }
    return new TempestRun(finished ? process.exitValue() : -1, !finished, TempestSummary.parse(copy), log,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static void pump(Process process, Path log, List<String> lines, Consumer<String> progress) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.newLine();
        out.flush();
        synchronized (lines) {
          lines.add(line);
        }
        if (line.startsWith("{") || line.startsWith("Ran: ") || line.startsWith(" - ")) {
          progress.accept("tempest: " + line);
        }
      }
    } catch (IOException e) {
      progress.accept("tempest: output stopped (" + e.getMessage() + "); see " + log);
    }
  }

  /**
   * One Tempest run.
   *
   * @param exitCode the process's, -1 when it was stopped for running too long
   */
  public record TempestRun(int exitCode, boolean timedOut, TempestSummary summary, Path log, Duration took) {}
}
