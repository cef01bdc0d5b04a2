package dev.vigil.simulations;

import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.cloud.CloudConfigLoader;
import dev.vigil.identity.KeystoneClient;
import dev.vigil.identity.NonAdminGuard;
import dev.vigil.identity.Token;
import dev.vigil.settings.Durations;
import dev.vigil.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a simulation's plan comes from when Gatling runs it without {@code vigil watch}: a plan file
 * ({@code -Dvigil.plan=FILE}, the advanced case), or plain properties a Gatling user passes to
 * {@code mvn gatling:test} ({@code -Dvigil.cloud=lab -Dvigil.services=identity,image
 * -Dvigil.duration=30m -Dvigil.rate=10 -Dvigil.out=DIR}), with the services discovered from the
 * catalog as {@code vigil watch} does.
 */
public final class PlanSource {

  /** What a named simulation observes besides the uptime probes, which every one runs. */
  public enum Kind {
    /** Uptime probes only. */
    UPTIME,
    /** Uptime probes and availability flows. */
    AVAILABILITY,
    /** Uptime probes and load at {@code vigil.load} requests/s (default 20). */
    LOAD,
    /** Everything the settings say: probes, flows, and load when {@code vigil.load} is given. */
    WINDOW
  }

  private static final Duration DEFAULT_DURATION = Duration.ofMinutes(30);

  private PlanSource() {}

  /** The plan for a standalone run of {@code kind}, from the system properties (and the environment's clouds.yaml / OS_*). */
  public static WindowPlan fromSystem(Kind kind) {
    return of(kind, System::getProperty, System.getenv(), Path.of(System.getProperty("user.dir")), Path.of(System.getProperty("user.home")));
  }

  static WindowPlan of(Kind kind, Function<String, String> properties, Map<String, String> env, Path cwd, Path home) {
    String planFile = blankToNull(properties.apply("vigil.plan"));
    if (planFile != null) {
      return WindowPlan.read(cwd.resolve(planFile));
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    String services = blankToNull(properties.apply("vigil.services"));
    if (services != null) {
      List<String> types = Arrays.stream(services.split(",")).map(String::strip).toList();
      if (types.stream().anyMatch(String::isEmpty)) {
        throw new VigilException("-Dvigil.services=" + services + " names an empty service; list service types, e.g."
            + " -Dvigil.services=identity,image, or leave it out for every service the catalog lists");
      }
      overrides.put("services", "[" + String.join(", ", types) + "]");
    }
    put(overrides, "probe.rate_per_service", properties.apply("vigil.rate"));
    String load = blankToNull(properties.apply("vigil.load"));
    switch (kind) {
      case UPTIME -> overrides.put("flows.enabled", "false");
      case AVAILABILITY -> overrides.put("flows.enabled", "true");
      case LOAD -> {
        overrides.put("flows.enabled", "false");
        overrides.put("load.rate", load == null ? "20" : load);
      }
      case WINDOW -> put(overrides, "load.rate", load);
    }
    String config = blankToNull(properties.apply("vigil.config"));
    Path configFile = config == null ? null : cwd.resolve(config);
    if (configFile != null && !Files.isRegularFile(configFile)) {
      throw new VigilException("-Dvigil.config=" + config + ": no such file (looked at " + configFile + ")");
    }
    Settings settings = Settings.load(configFile, overrides, Map.of("services", "-Dvigil.services", "probe.rate_per_service", "-Dvigil.rate",
        "load.rate", "-Dvigil.load"));
    Duration duration = duration(properties.apply("vigil.duration"));
    String cloudName = blankToNull(properties.apply("vigil.cloud"));
    CloudConfig cloud = CloudConfigLoader.of(env, cwd, home, Path.of("/etc/openstack")).load(cloudName != null ? cloudName : settings.cloud());
    Token token = new KeystoneClient(cloud).authenticate(Duration.ofSeconds(30));
    NonAdminGuard.requireNonAdmin(token, cloud.name());
    List<WindowPlan.Target> targets = Targets.select(token.catalog(), cloud, settings);
    String out = blankToNull(properties.apply("vigil.out"));
    RunFolder run = RunFolder.createForWindow(cwd.resolve(settings.output().dir()), out == null ? null : cwd.resolve(out));
    WindowPlan plan = WindowPlans.of(run, cloud, targets, settings, duration, null, null, null).standalone();
    plan.write();
    return plan;
  }

  private static Duration duration(String text) {
    if (blankToNull(text) == null) {
      return DEFAULT_DURATION;
    }
    try {
      Duration d = Durations.parse(text.strip());
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("a window must last more than 0 s");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new VigilException("-Dvigil.duration=" + text + ": " + e.getMessage() + " (e.g. 90s, 30m)");
    }
  }

  private static void put(Map<String, String> overrides, String key, String value) {
    if (blankToNull(value) != null) {
      overrides.put(key, value.strip());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
