package dev.vigil.testing;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.cloud.CloudConfigLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The lab cloud that lab/up started, for integration tests. */
public final class Lab {

  private Lab() {}

  /** The repository root: the first folder upwards from the working folder that holds lab/up. */
  public static Path repository() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (p.resolve("lab").resolve("up").toFile().isFile()) {
        return p;
      }
    }
    throw new IllegalStateException("no lab/up above " + Path.of("").toAbsolutePath());
  }

  /** lab/clouds.yaml, written by lab/up; OS_CLIENT_CONFIG_FILE when this checkout has none (a worktree). */
  public static Path cloudsYaml() {
    Path file = repository().resolve("lab").resolve("clouds.yaml");
    String env = System.getenv("OS_CLIENT_CONFIG_FILE");
    if (!file.toFile().isFile() && env != null && !env.isBlank() && Path.of(env).toFile().isFile()) {
      return Path.of(env);
    }
    if (!file.toFile().isFile()) {
      throw new IllegalStateException(file + " is missing: start the lab with lab/up first (bin/test does), or set OS_CLIENT_CONFIG_FILE");
    }
    return file;
  }

  /** {@code lab} (non-admin) or {@code lab-admin}. */
  public static CloudConfig cloud(String name) {
    Path root = repository();
    return CloudConfigLoader.of(Map.of("OS_CLIENT_CONFIG_FILE", cloudsYaml().toString()), root, root.resolve("no-home"), root.resolve("no-etc"))
        .load(name);
  }

  /**
   * Starts a lab script (e.g. upgrade outage identity 3); its output lines are collected. When
   * another lab/upgrade holds the lab's lock, waits for it and starts again, a bounded number of
   * times.
   */
  public static Script start(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(repository().resolve("lab").resolve(args[0]).toString());
    cmd.addAll(List.of(args).subList(1, args.length));
    for (int attempt = 0; ; attempt++) {
      Script script = new Script(new ProcessBuilder(cmd).redirectErrorStream(true).start());
      long deadline = System.nanoTime() + 2_000_000_000L;
      while (System.nanoTime() < deadline && script.lines().isEmpty() && script.process.isAlive()) {
        Thread.sleep(20);
      }
      boolean busy = script.waitBriefly() && script.lines().stream().anyMatch(l -> l.contains("another lab/upgrade is running"));
      if (!busy || attempt >= 60) {
        return script;
      }
      Thread.sleep(2000);
    }
  }

  /** A running lab script and the lines it printed. */
  public static final class Script {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    Script(Process process) {
      this.process = process;
      this.reader = new Thread(this::read, "lab-script-output");
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (lines) {
            lines.add(line);
          }
        }
      } catch (IOException ignored) {
        // the script ended
      }
    }

    /** True when the script has already ended (within 300 ms). */
    boolean waitBriefly() throws InterruptedException {
      boolean ended = process.waitFor(300, java.util.concurrent.TimeUnit.MILLISECONDS);
      if (ended) {
        reader.join(2000);
      }
      return ended;
    }

    public List<String> lines() {
      synchronized (lines) {
        return List.copyOf(lines);
      }
    }

    public int waitFor() throws InterruptedException {
      int code = process.waitFor();
      reader.join(5000);
      return code;
    }
  }
}
