package dev.vigil.cli;

import dev.vigil.run.Environment;
import dev.vigil.run.Terminal;
import dev.vigil.VigilException;
import dev.vigil.build.VigilBuild;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = Vigil.Version.class,
    description = "Measures how an OpenStack cloud behaves before, during and after an upgrade.",
    subcommands = {DiscoverCommand.class, WatchCommand.class, ValidateCommand.class, SweepCommand.class, RunCommand.class, MarkCommand.class, ReportCommand.class, CompareCommand.class, PushCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done, and every check passed",
      "1:done, and a check or verdict failed",
      "2:could not run: bad input, configuration, credentials or an unreachable cloud (the message says which)",
      "3:inconclusive: done, nothing failed, but the evidence cannot say yes (a verdict is inconclusive, or a window recorded no request for a service)",
      "4:internal error (run again with --debug and report it)",
      "130:interrupted"
    })
public final class Vigil {

  @Option(names = "--debug", description = "Print stack traces of errors (never secrets).", scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  private final Environment environment;
  private final Terminal terminal;

  public Vigil(Environment environment, Terminal terminal) {
    this.environment = environment;
    this.terminal = terminal;
  }

  Environment environment() {
    return environment;
  }

  Terminal terminal() {
    return terminal;
  }

  public static void main(String[] args) {
    Terminal terminal = new Terminal(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    System.exit(run(Environment.system(), terminal, args));
  }

  /** Runs one command line in-process and returns its exit code. */
  public static int run(Environment environment, Terminal terminal, String... args) {
    Vigil vigil = new Vigil(environment, terminal);
    CommandLine line = new CommandLine(vigil);
    line.setOut(terminal.out());
    line.setErr(terminal.err());
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof VigilException) {
            terminal.err().println("vigil: " + e.getMessage());
            if (vigil.debug) {
              e.printStackTrace(terminal.err());
            }
            terminal.err().flush();
            return ExitCode.CANNOT_RUN;
          }
          terminal.err().println("vigil: internal error: " + e + (vigil.debug ? "" : " (run again with --debug for details)"));
          if (vigil.debug) {
            e.printStackTrace(terminal.err());
          }
          terminal.err().flush();
          return ExitCode.INTERNAL;
        });
    line.setParameterExceptionHandler(
        (e, params) -> {
          terminal.err().println("vigil: " + e.getMessage() + " (see: vigil " + commandPath(e.getCommandLine()) + "--help)");
          terminal.err().flush();
          return ExitCode.CANNOT_RUN;
        });
    return line.execute(args);
  }

  private static String commandPath(CommandLine cmd) {
    String path = cmd.getCommandSpec().qualifiedName(" ");
    path = path.startsWith("vigil") ? path.substring("vigil".length()).trim() : path;
    return path.isEmpty() ? "" : path + " ";
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return VigilBuild.current().lines().toArray(String[]::new);
    }
  }
}
