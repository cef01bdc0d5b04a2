package dev.vigil.run;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.cloud.CloudConfigLoader;

/** The cloud a run talks to, from clouds.yaml or OS_* as openstacksdk reads them. */
public final class Clouds {

  private Clouds() {}

  /** The cloud {@code name} (null: openstacksdk's rules pick), warning when TLS is not verified. */
  public static CloudConfig resolve(String name, Environment env, Terminal terminal) {
    CloudConfig config =
        CloudConfigLoader.of(env.variables(), env.workingDir(), env.homeDir(), env.etcOpenstackDir()).load(name);
    if (!config.verify()) {
      terminal.warn("cloud \"" + config.name() + "\" has verify: false: TLS certificates are NOT checked");
    }
    return config;
  }
}
