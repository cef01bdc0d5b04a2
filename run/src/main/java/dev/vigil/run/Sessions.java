package dev.vigil.run;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.identity.IdentitySession;
import dev.vigil.identity.KeystoneClient;
import dev.vigil.settings.Settings;
import java.time.Duration;

/** The token session of a run: renewed before it expires, warnings to the terminal. */
public final class Sessions {

  private Sessions() {}

  /** Opens a token session for the run; the caller closes it. */
  public static IdentitySession open(CloudConfig cloud, Settings settings, Terminal terminal) {
    return IdentitySession.open(new KeystoneClient(cloud), Duration.ofSeconds(30), settings.token().refreshMargin(), terminal::warn);
  }
}
