package dev.vigil.run;

import dev.vigil.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Vigil's settings file as a run reads it, with overrides from flags or from code. */
public final class SettingsFiles {

  private SettingsFiles() {}

  /** The option behind each settings key a flag overrides, so that a bad value names the flag. */
  public static final Map<String, String> OPTIONS = Map.ofEntries(
      Map.entry("probe.rate_per_service", "--rate"),
      Map.entry("load.rate", "--load"),
      Map.entry("load.model", "--load-model"),
      Map.entry("flows.enabled", "--no-flows"),
      Map.entry("services", "--services"),
      Map.entry("influx.url", "--influx-url"),
      Map.entry("influx.api", "--influx-api"),
      Map.entry("influx.database", "--influx-db"),
      Map.entry("influx.user", "--influx-user"),
      Map.entry("influx.password_env", "--influx-password-env"),
      Map.entry("influx.org", "--influx-org"),
      Map.entry("influx.bucket", "--influx-bucket"),
      Map.entry("influx.token_env", "--influx-token-env"),
      Map.entry("influx.injector", "--injector"),
      Map.entry("metrics.listen", "--metrics-listen"));

  /** {@code config} (null: ./vigil.yaml when present, else the defaults) with {@code overrides} over it. */
  public static Settings load(Path config, Environment env, Map<String, String> overrides) {
    if (config != null) {
      Settings.find(config, env.workingDir()); // a missing --config file is an error with its own message
      return Settings.load(env.workingDir().resolve(config), overrides, OPTIONS);
    }
    Path implicit = env.workingDir().resolve(Settings.DEFAULT_FILE);
    return Settings.load(Files.isRegularFile(implicit) ? implicit : null, overrides, OPTIONS);
  }
}
