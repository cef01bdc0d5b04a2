package dev.vigil.cli;

import dev.vigil.simulations.RunFolder;
import dev.vigil.run.Stop;
import dev.vigil.run.Terminal;
import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.health.SystemHealthCheck;
import dev.vigil.health.Tempest;
import dev.vigil.http.Http;
import dev.vigil.identity.IdentitySession;
import dev.vigil.identity.NonAdminGuard;
import dev.vigil.lifecycle.Phase;
import dev.vigil.settings.Durations;
import dev.vigil.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description = {
      "System health as a non-admin user: every service's uptime requests once, a create-read-delete smoke on",
      "image, network and object-store, and Tempest's smoke tests when installed and given a workspace."
    })
final class ValidateHealthCommand implements Callable<Integer> {

  @ParentCommand ValidateCommand validate;

  @Mixin CloudOption cloudOption;

  @Mixin SettingsOption settingsOption;

  @Option(names = "--phase", paramLabel = "before|after", description = "The phase this measures (default: before).")
  String phase;

  @Option(names = "--services", split = ",", paramLabel = "TYPE", description = "Service types to check (default: every known one in the catalog).")
  List<String> services;

  @Option(names = "--tempest-workspace", paramLabel = "DIR", description = "A configured Tempest workspace (tempest init DIR + etc/tempest.conf); without it Tempest is skipped.")
  Path tempestWorkspace;

  @Option(names = "--tempest-timeout", paramLabel = "D", description = "Stop Tempest after this long (default: ${DEFAULT-VALUE}).", defaultValue = "30m")
  String tempestTimeout;

  @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: <output.dir>/<run id>).")
  Path out;

  @Override
  public Integer call() {
    Vigil vigil = validate.vigil;
    Terminal terminal = vigil.terminal();
    Phase at = ValidateCommand.phase(phase);
    Duration tempestLimit;
    try {
      tempestLimit = Durations.parse(tempestTimeout);
    } catch (IllegalArgumentException e) {
      throw new VigilException("--tempest-timeout " + tempestTimeout + ": " + e.getMessage());
    }
    Settings settings = settingsOption.load(vigil.environment(), services == null ? Map.of() : Map.of("services", "[" + String.join(", ", services) + "]"));
    CloudConfig cloud = cloudOption.resolve(vigil.environment(), terminal, settings.cloud());
    Path binary = Tempest.find(vigil.environment().variables().get("PATH")).orElse(null);
    Path workspace = tempestWorkspace == null ? null : vigil.environment().workingDir().resolve(tempestWorkspace).toAbsolutePath();
    try (IdentitySession identity = ValidateCommand.session(cloud, settings, terminal)) {
      NonAdminGuard.requireNonAdmin(identity.token(), cloud.name());
      RunFolder folder = RunFolder.create(vigil.environment().workingDir().resolve(settings.output().dir()), out == null ? null : vigil.environment().workingDir().resolve(out));
      SystemHealthCheck check = new SystemHealthCheck(
          Http.client(cloud, Duration.ofSeconds(5)), settings.probe().timeout(), new SystemHealthCheck.TempestSetup(binary, workspace, tempestLimit));
      return ValidateCommand.runCheck(check, at, folder, cloud, identity, settings, settings.services(), terminal);
    }
  }
}
