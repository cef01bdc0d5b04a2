package dev.vigil.cli;

import dev.vigil.run.Environment;
import dev.vigil.run.InfluxSinks;
import dev.vigil.simulations.RunFolder;
import dev.vigil.run.Terminal;
import dev.vigil.VigilException;
import dev.vigil.influx.InfluxSink;
import dev.vigil.influx.InfluxTarget;
import dev.vigil.settings.Settings;
import dev.vigil.simulations.WindowPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The InfluxDB sink's options, shared by watch, run and push: each sets the {@code influx.*}
 * setting of the same name (docs/influxdb.md), so flags and vigil.yaml are checked alike.
 */
public final class InfluxOption {

  /** How long watch and run wait for the last points at the end before calling them pending. */
  static final Duration FLUSH_WAIT = Duration.ofSeconds(10);

  @Option(names = "--influx-url", paramLabel = "URL", description = "Also send every record to this InfluxDB, e.g. http://127.0.0.1:8086 (default: influx.url, off).")
  String url;

  @Option(names = "--influx-api", paramLabel = "v1|v2", description = "v1: /write with a database; v2: /api/v2/write with org, bucket and token (default: influx.api, v1).")
  String api;

  @Option(names = "--influx-db", paramLabel = "NAME", description = "v1: the database (default: influx.database).")
  String database;

  @Option(names = "--influx-user", paramLabel = "NAME", description = "v1: the user, if the server wants one (default: influx.user).")
  String user;

  @Option(names = "--influx-password-env", paramLabel = "VAR", description = "v1: the environment variable holding the password (default: influx.password_env).")
  String passwordEnv;

  @Option(names = "--influx-org", paramLabel = "ORG", description = "v2: the organisation (default: influx.org).")
  String org;

  @Option(names = "--influx-bucket", paramLabel = "NAME", description = "v2: the bucket (default: influx.bucket).")
  String bucket;

  @Option(names = "--influx-token-env", paramLabel = "VAR", description = "v2: the environment variable holding the token (default: influx.token_env).")
  String tokenEnv;

  @Option(names = "--injector", paramLabel = "NAME", description = "The injector tag of the points: which Vigil host sent the traffic (default: influx.injector, else the host name).")
  String injector;

  /** Adds the flags given as settings overrides. */
  void addOverrides(Map<String, String> overrides) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("influx.url", url);
    o.put("influx.api", api);
    o.put("influx.database", database);
    o.put("influx.user", user);
    o.put("influx.password_env", passwordEnv);
    o.put("influx.org", org);
    o.put("influx.bucket", bucket);
    o.put("influx.token_env", tokenEnv);
    o.put("influx.injector", injector);
    o.forEach((k, v) -> {
      if (v != null) {
        overrides.put(k, quoted(v));
      }
    });
  }

  /**
   * The target the settings name, or null when none (then a flag of the sink is a mistake).
   *
   * @throws VigilException when a flag is given without a URL, or the secret's variable is unset
   */
  InfluxTarget target(Settings settings, Environment env) {
    InfluxTarget target = InfluxTarget.of(settings.influx(), env.variables());
    if (target == null && (database != null || api != null || org != null || bucket != null || tokenEnv != null || user != null
        || passwordEnv != null)) {
      throw new VigilException("--influx-* options need an InfluxDB to write to: add --influx-url URL (or influx.url in vigil.yaml)");
    }
    return target;
  }

  /** The injector tag: --injector / influx.injector, else the host name. */
  /** Starts the sink for a window's run folder when an InfluxDB is configured; null otherwise. */
  InfluxSink start(Settings settings, Environment env, RunFolder run, String cloud, String injector, Terminal terminal) {
    target(settings, env);
    return InfluxSinks.start(settings, env, run, cloud, injector, terminal);
  }

  /** The run id, cloud and injector a run folder's plan.json names. */
  static InfluxSink.Run runOf(Path dir, Settings settings) {
    Path file = dir.resolve(WindowPlan.FILE);
    if (!Files.isRegularFile(file)) {
      throw new VigilException(dir + " has no plan.json: not a Vigil run folder, or its window never started; pass the folder given to --out");
    }
    WindowPlan plan = WindowPlan.read(file);
    if (plan.runId() == null || plan.runId().isEmpty() || plan.cloud() == null || plan.cloud().isEmpty()) {
      throw new VigilException(file + " has no run_id or cloud: it is damaged; the records can not be tagged without them");
    }
    String injector = settings.influx().injector() != null ? settings.influx().injector()
        : plan.injector() != null ? plan.injector() : "unknown";
    return new InfluxSink.Run(plan.runId(), plan.cloud(), injector, InfluxSinks.outageLateness(settings));
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
