package dev.vigil.lifecycle;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.identity.Catalog;
import dev.vigil.identity.IdentitySession;
import dev.vigil.settings.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every check of one run shares.
 *
 * @param runId carried by the name or tags of everything a check creates in the cloud
 * @param runDir the run folder
 * @param cloud the cloud's configuration (credentials inside are {@link dev.vigil.cloud.Secret}s)
 * @param identity the run's token, renewed as it nears expiry
 * @param services the service types under test
 * @param settings Vigil's settings
 * @param progress one-line progress messages for the person watching
 */
public record RunContext(
    String runId,
    Path runDir,
    CloudConfig cloud,
    IdentitySession identity,
    List<String> services,
    Settings settings,
    Consumer<String> progress) {

  public RunContext {
    services = List.copyOf(services);
  }

  public Catalog catalog() {
    return identity.token().catalog();
  }
}
