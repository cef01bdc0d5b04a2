package dev.vigil.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs a vigil command line in-process, as a user would type it, and keeps what it printed. */
record CommandRun(int exitCode, String out, String err) {

  static CommandRun run(Map<String, String> env, Path workingDir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Environment environment = new Environment(env, workingDir, workingDir.resolve("home"), workingDir.resolve("etc-openstack"));
    int code = Vigil.run(environment, new Terminal(new PrintWriter(out, true), new PrintWriter(err, true)), args);
    return new CommandRun(code, out.toString(), err.toString());
  }

  /** The repository's lab/clouds.yaml, written by lab/up. */
  static Path labClouds() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path file = p.resolve("lab").resolve("clouds.yaml");
      if (p.resolve("lab").resolve("up").toFile().isFile()) {
        if (!file.toFile().isFile()) {
          throw new IllegalStateException(file + " is missing: start the lab with lab/up first (bin/test does)");
        }
        return file;
      }
    }
    throw new IllegalStateException("no lab/up above " + Path.of("").toAbsolutePath());
  }
}
