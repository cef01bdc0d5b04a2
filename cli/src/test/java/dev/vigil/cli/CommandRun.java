package dev.vigil.cli;

import dev.vigil.run.Environment;
import dev.vigil.run.Terminal;
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
}
