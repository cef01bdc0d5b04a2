package dev.vigil.cli;

import dev.vigil.simulations.RunFolder;
import dev.vigil.run.Terminal;
import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.discovery.VersionDocuments;
import dev.vigil.http.Http;
import dev.vigil.identity.IdentitySession;
import dev.vigil.identity.NonAdminGuard;
import dev.vigil.lifecycle.Phase;
import dev.vigil.settings.Settings;
import dev.vigil.version.NeutronExtensions;
import dev.vigil.version.Release;
import dev.vigil.version.ReleaseVersionCheck;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = {
      "The release each service runs, from its version document (Nova, Cinder, Placement microversions, Glance and",
      "Keystone API versions, Swift's release; Neutron is always ambiguous), checked against --expect-release."
    })
final class ValidateVersionCommand implements Callable<Integer> {

  @ParentCommand ValidateCommand validate;

  @Mixin CloudOption cloudOption;

  @Mixin SettingsOption settingsOption;

  @Option(names = "--phase", paramLabel = "before|after", description = "The phase this measures (default: before).")
  String phase;

  @Option(names = "--expect-release", paramLabel = "R", description = "The release every service must run: zed, 2023.1 … 2026.1 (or a codename).")
  String expectRelease;

  @Option(names = "--allow-admin", description = "Accept a cloud whose user has the admin role (this validator only reads public documents).")
  boolean allowAdmin;

  @Option(names = "--services", split = ",", paramLabel = "TYPE", description = "Service types to check (default: every one Vigil has a table for).")
  List<String> services;

  @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: <output.dir>/<run id>).")
  Path out;

  @Override
  public Integer call() {
    Vigil vigil = validate.vigil;
    Terminal terminal = vigil.terminal();
    Phase at = ValidateCommand.phase(phase);
    Release expected = expectRelease == null ? null : Release.parse(expectRelease);
    Settings settings = settingsOption.load(vigil.environment(), services == null ? Map.of() : Map.of("services", "[" + String.join(", ", services) + "]"));
    CloudConfig cloud = cloudOption.resolve(vigil.environment(), terminal, settings.cloud());
    try (IdentitySession identity = ValidateCommand.session(cloud, settings, terminal)) {
      if (!allowAdmin) {
        try {
          NonAdminGuard.requireNonAdmin(identity.token(), cloud.name());
        } catch (VigilException e) {
          throw new VigilException(e.getMessage() + "; or, since this validator only reads version documents, pass --allow-admin");
        }
      }
      RunFolder folder = RunFolder.create(vigil.environment().workingDir().resolve(settings.output().dir()), out == null ? null : vigil.environment().workingDir().resolve(out));
      Duration timeout = settings.probe().timeout();
      HttpClient http = Http.client(cloud, Duration.ofSeconds(5));
      Map<Phase, Release> expectations = new HashMap<>();
      if (expected != null) {
        expectations.put(at, expected);
      }
      ReleaseVersionCheck check = new ReleaseVersionCheck(new VersionDocuments(http, timeout), new NeutronExtensions(http, timeout), expectations);
      return ValidateCommand.runCheck(check, at, folder, cloud, identity, settings, settings.services(), terminal);
    }
  }
}
