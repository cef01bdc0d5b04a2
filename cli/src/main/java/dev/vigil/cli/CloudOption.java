package dev.vigil.cli;

import dev.vigil.run.Clouds;
import dev.vigil.run.Environment;
import dev.vigil.run.Terminal;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.cloud.CloudConfigLoader;
import picocli.CommandLine.Option;

/** The {@code --cloud} option every command that talks to a cloud shares. */
public final class CloudOption {

  @Option(
      names = "--cloud",
      paramLabel = "NAME",
      description = "Cloud from clouds.yaml (default: $OS_CLOUD, else the OS_* variables).")
  String cloud;

  CloudConfig resolve(Environment env, Terminal terminal) {
    return resolve(env, terminal, null);
  }

  /** The cloud named by --cloud, else by the settings file, else by openstacksdk's rules. */
  CloudConfig resolve(Environment env, Terminal terminal, String fromSettings) {
    return resolve(cloud != null ? cloud : fromSettings, env, terminal);
  }

  /** The cloud {@code name} (null: openstacksdk's rules pick), warning when TLS is not verified. */
  static CloudConfig resolve(String name, Environment env, Terminal terminal) {
    return Clouds.resolve(name, env, terminal);
  }
}
