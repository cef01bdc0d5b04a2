package dev.vigil.cli;

import dev.vigil.testing.Lab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged vigil.jar run as a user runs it, in its own process, for end-to-end tests. */
final class VigilProcess {

  private final Process process;
  private final Path output;

  private VigilProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  static VigilProcess start(Path workDir, String... args) throws IOException {
    return start(java.util.Map.of(), workDir, args);
  }

  /** With {@code env} added to the environment (a password Vigil reads from a variable). */
  static VigilProcess start(java.util.Map<String, String> env, Path workDir, String... args) throws IOException {
    Path jar = Path.of("target", "vigil.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: integration tests run after `mvn package`");
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    Path output = Files.createTempFile(workDir, "vigil-output", ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
    pb.environment().put("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString());
    pb.environment().putAll(env);
    return new VigilProcess(pb.start(), output);
  }

  long pid() {
    return process.pid();
  }

  String output() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  /**
   * Waits until the window of run folder {@code out} has started (its own WINDOW start mark in
   * events.tsv): "watching" is printed before the Gatling JVM is up, which on a busy machine takes
   * seconds, and an outage induced before the first probe is blind time, not a measured outage.
   */
  static void awaitWindowStart(Path out, int seconds) throws Exception {
    Path events = out.resolve("events.tsv");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!(Files.exists(events) && Files.readString(events, StandardCharsets.UTF_8).contains("WINDOW\t\tstart"))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the window of " + out + " did not start within " + seconds + " s");
      }
      Thread.sleep(100);
    }
  }

  /** Waits until the output contains {@code text}, or fails after {@code seconds}. */
  void awaitOutput(String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!output().contains(text)) {
      if (System.nanoTime() > deadline || !process.isAlive() && !output().contains(text)) {
        throw new AssertionError("no \"" + text + "\" in vigil's output:\n" + output());
      }
      Thread.sleep(100);
    }
  }

  void interrupt() throws Exception {
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
  }

  int waitFor(int seconds) throws Exception {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("vigil did not end within " + seconds + " s:\n" + output());
    }
    return process.exitValue();
  }
}
