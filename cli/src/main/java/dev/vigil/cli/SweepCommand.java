package dev.vigil.cli;

import dev.vigil.run.Terminal;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.identity.IdentitySession;
import dev.vigil.identity.KeystoneClient;
import dev.vigil.identity.NonAdminGuard;
import dev.vigil.resources.Api;
import dev.vigil.resources.RunIds;
import dev.vigil.settings.Settings;
import dev.vigil.sweep.Sweep;
import dev.vigil.sweep.SweepResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    header = "Find and remove what earlier Vigil runs left in your project.",
    description = {
      "Find and remove what earlier Vigil runs left in your project (after a crash, kill -9 or a failed clean-up):",
      "every server, volume, port, subnet, network, image and Swift container named vigil-<date>-<time>-<hex>…,",
      "or only those of --run-id, plus whatever a run folder's persistent-resources.json lists (--from).",
      "Exits 0 when nothing is left, 1 when something could not be removed (named)."
    })
final class SweepCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CloudOption cloudOption;

  @Mixin SettingsOption settingsOption;

  @Option(names = "--run-id", paramLabel = "ID", description = "Only this run's resources (default: those of any run).")
  String runId;

  @Option(names = "--from", paramLabel = "DIR", description = "Also remove what DIR/persistent-resources.json lists (repeatable).")
  List<Path> from = List.of();

  @Option(names = "--dry-run", description = "Only list what would be removed.")
  boolean dryRun;

  @Override
  public Integer call() {
    Vigil vigil = (Vigil) spec.root().userObject();
    Terminal terminal = vigil.terminal();
    Settings settings = settingsOption.load(vigil.environment(), Map.of());
    RunIds.NameFilter filter = runId == null ? RunIds.any() : RunIds.of(runId);
    CloudConfig cloud = cloudOption.resolve(vigil.environment(), terminal, settings.cloud());
    List<Path> dirs = from.stream().map(p -> vigil.environment().workingDir().resolve(p).toAbsolutePath()).toList();
    try (IdentitySession identity =
        IdentitySession.open(new KeystoneClient(cloud), Duration.ofSeconds(30), settings.token().refreshMargin(), terminal::warn)) {
      NonAdminGuard.requireNonAdmin(identity.token(), cloud.name());
      Api api = Api.open(cloud, identity::token, Duration.ofSeconds(60), terminal::info);
      SweepResult result =
          new Sweep(api)
              .run(filter, dirs, dryRun, line -> {
                terminal.out().println(line);
                terminal.out().flush();
              });
      terminal.out().println(result.summary());
      terminal.out().flush();
      return result.clean() ? ExitCode.OK : ExitCode.FAILED;
    }
  }
}
