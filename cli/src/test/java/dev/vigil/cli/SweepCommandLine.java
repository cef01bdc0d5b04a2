package dev.vigil.cli;

import dev.vigil.run.Environment;
import dev.vigil.run.Terminal;
import dev.vigil.VigilException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs {@code vigil sweep …} and {@code vigil validate resources …} in-process before the two
 * commands are registered in Vigil and ValidateCommand: the same root command, with them added, and
 * the same error handling as {@link Vigil#run}. Once registered, {@link CommandRun#run} does this.
 */
final class SweepCommandLine {

  private SweepCommandLine() {}

  static CommandRun run(Map<String, String> env, Path workingDir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Terminal terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(err, true));
    Environment environment = new Environment(env, workingDir, workingDir.resolve("home"), workingDir.resolve("etc-openstack"));
    Vigil vigil = new Vigil(environment, terminal);
    CommandLine line = new CommandLine(vigil);
    if (!line.getSubcommands().containsKey("sweep")) {
      line.addSubcommand(new SweepCommand());
    }
    CommandLine validate = line.getSubcommands().get("validate");
    if (validate == null) {
      validate = new CommandLine(new ValidateStandIn());
      line.addSubcommand(validate);
    }
    if (!validate.getSubcommands().containsKey("resources")) {
      validate.addSubcommand(new ValidateResourcesCommand());
    }
    line.setOut(terminal.out());
    line.setErr(terminal.err());
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          terminal.err().println(e instanceof VigilException ? "vigil: " + e.getMessage() : "vigil: internal error: " + e);
          terminal.err().flush();
          return e instanceof VigilException ? ExitCode.CANNOT_RUN : ExitCode.INTERNAL;
        });
    line.setParameterExceptionHandler(
        (e, params) -> {
          terminal.err().println("vigil: " + e.getMessage());
          terminal.err().flush();
          return ExitCode.CANNOT_RUN;
        });
    int code = line.execute(args);
    return new CommandRun(code, out.toString(), err.toString());
  }

  /** Stands in for ValidateCommand while it is not registered here. */
  @Command(name = "validate")
  static final class ValidateStandIn {}
}
