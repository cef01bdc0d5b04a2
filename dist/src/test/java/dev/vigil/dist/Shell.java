package dev.vigil.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end for the packaging tests, its output (stdout and stderr) kept in one string. */
final class Shell {

  record Result(int exitCode, String output) {}

  private Shell() {}

  static Result run(Path dir, Map<String, String> env, int timeoutSeconds, String... command) throws IOException, InterruptedException {
    // the output goes to a file, not a pipe: a chatty command cannot block on a full pipe
    Path log = Files.createTempFile("vigil-dist-shell", ".log");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError(String.join(" ", command) + " did not end within " + timeoutSeconds + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
      return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
