package dev.vigil.cli;

import dev.vigil.run.Environment;
import dev.vigil.run.SettingsFiles;
import dev.vigil.settings.Settings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --config}: Vigil's settings file; flags of each command override its keys. */
public final class SettingsOption {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Vigil's settings (default: ./vigil.yaml when present, else the defaults; see docs/configuration.md).")
  Path config;

  /** The settings file with {@code overrides} (dotted keys, YAML values) applied over it. */
  Settings load(Environment env, Map<String, String> overrides) {
    return load(config, env, overrides);
  }

  /** {@code config} (null: ./vigil.yaml when present, else the defaults) with {@code overrides} over it. */
  static Settings load(Path config, Environment env, Map<String, String> overrides) {
    return SettingsFiles.load(config, env, overrides);
  }
}
