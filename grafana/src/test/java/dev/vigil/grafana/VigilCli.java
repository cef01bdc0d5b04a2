package dev.vigil.grafana;

import dev.vigil.testing.Lab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The built vigil.jar run against the lab from a test's folder, its output in {@code vigil.log} there. */
final class VigilCli {

  private final Path dir;

  VigilCli(Path dir) {
    this.dir = dir;
  }

  Process start(String... args) throws IOException {
    Path jar = GrafanaFolder.repository().resolve("cli/target/vigil.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: integration tests run after `mvn package` of the cli module");
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("vigil.log").toFile());
    pb.environment().put("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString());
    return pb.start();
  }

  String output() throws IOException {
    return Files.readString(dir.resolve("vigil.log"), StandardCharsets.UTF_8);
  }

  void awaitOutput(Process p, String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!output().contains(text)) {
      if (System.nanoTime() > deadline || !p.isAlive()) {
        throw new AssertionError("no \"" + text + "\" in vigil's output:\n" + output());
      }
      Thread.sleep(200);
    }
  }
}
