package dev.vigil.cli;

import dev.vigil.simulations.RunFolder;
import dev.vigil.run.Sessions;
import dev.vigil.run.Terminal;
import dev.vigil.VigilException;
import dev.vigil.identity.IdentitySession;
import dev.vigil.identity.KeystoneClient;
import dev.vigil.lifecycle.Check;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.OutcomeFiles;
import dev.vigil.lifecycle.Phase;
import dev.vigil.lifecycle.RunContext;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vigil validate}: the checks around an upgrade window, each usable alone (use case 1), with
 * a result file per check and a JUnit file, and the exit code of its outcomes.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Run one validator: the release each service runs, system health, or persistent resources.",
    subcommands = {ValidateVersionCommand.class, ValidateHealthCommand.class, ValidateResourcesCommand.class})
final class ValidateCommand implements Runnable {

  @ParentCommand Vigil vigil;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a validator: version or health");
  }

  /** {@code --phase}: before (default) or after; a validator measures at that phase. */
  static Phase phase(String name) {
    return switch (name == null ? "before" : name.toLowerCase(Locale.ROOT)) {
      case "before" -> Phase.BEFORE;
      case "after" -> Phase.AFTER;
      default -> throw new VigilException("--phase " + name + ": use before or after");
    };
  }

  /** Opens a token session for the run; the caller closes it. */
  static IdentitySession session(CloudConfig cloud, Settings settings, Terminal terminal) {
    return Sessions.open(cloud, settings, terminal);
  }

  /**
   * Runs one check through its lifecycle as {@link Check} prescribes: a failure in prepare stops
   * (exit 2); a failure later becomes a FAILED outcome; clean-up always runs. Then writes
   * {@code <check>.json} and {@code junit.xml} and prints the outcomes.
   */
  static int runCheck(Check check, Phase phase, RunFolder folder, CloudConfig cloud, IdentitySession identity, Settings settings,
      List<String> services, Terminal terminal) {
    Consumer<String> progress = line -> terminal.info("  " + line);
    RunContext context = new RunContext(folder.runId(), folder.dir(), cloud, identity, services, settings, progress);
    List<Outcome> outcomes = new ArrayList<>();
    try {
      check.prepare(context);
      terminal.info("vigil: run " + folder.runId() + ": " + check.name() + " (" + phase.name().toLowerCase(Locale.ROOT) + ") on cloud "
          + cloud.name() + "; results in " + folder.dir());
      String step = "start";
      try {
        check.start(phase);
        step = "collect";
        check.collect();
        step = "evaluate";
        outcomes.addAll(check.evaluate());
        step = "write";
        check.write(folder.dir());
      } catch (VigilException e) {
        outcomes.add(Outcome.failed(check.name(), "runs", null, check.name() + " stopped at " + step + ": " + e.getMessage(), List.of()));
      }
    } finally {
      check.cleanUp();
    }
    Path json = OutcomeFiles.writeJson(folder.dir(), check.name(), outcomes);
    Path junit = OutcomeFiles.writeJUnit(folder.dir().resolve("junit.xml"), outcomes);
    print(outcomes, terminal);
    boolean failed = outcomes.stream().anyMatch(Outcome::failed);
    terminal.out().println((failed ? "FAILED" : "PASSED") + ": " + check.name() + "; results in " + json + " and " + junit);
    terminal.out().flush();
    return failed ? ExitCode.FAILED : ExitCode.OK;
  }

  private static void print(List<Outcome> outcomes, Terminal terminal) {
    for (Outcome o : outcomes) {
      terminal.out().printf("%-7s %-14s %s: %s%n", o.status(), o.service() == null ? "-" : o.service(), o.test(), o.message());
    }
  }
}
