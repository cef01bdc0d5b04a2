package dev.vigil.cli;

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
    CloudConfig config =
        CloudConfigLoader.of(env.variables(), env.workingDir(), env.homeDir(), env.etcOpenstackDir()).load(name);
    if (!config.verify()) {
      terminal.warn("cloud \"" + config.name() + "\" has verify: false: TLS certificates are NOT checked");
    }
    return config;
  }
}
