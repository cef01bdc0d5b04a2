package dev.vigil.settings;

import dev.vigil.recording.Connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.VigilException;
import dev.vigil.http.UrlRule;
import dev.vigil.http.Urls;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Vigil's own settings, from one YAML file (vigil.yaml), every key optional. See
 * docs/configuration.md for the table of keys; each section's record documents its defaults.
 *
 * @param cloud the clouds.yaml cloud to test [null: OS_CLOUD, then the openstacksdk rules]
 * @param services service types to probe, e.g. compute, network [empty: all in the catalog]
 * @param source the file these came from, or null for the defaults
 */
public record Settings(
    String cloud,
    List<String> services,
    ProbeSettings probe,
    FlowSettings flows,
    LoadSettings load,
    PhaseSettings phases,
    ThresholdSettings thresholds,
    OutputSettings output,
    TokenSettings token,
    InfluxSettings influx,
    MetricsSettings metrics,
    HostSettings hostAccess,
    BalancerSettings balancer,
    Path source) {

  /** The file Vigil reads when no --config is given, from the working directory. */
  public static final String DEFAULT_FILE = "vigil.yaml";

  /** probe.rate_per_service's bound, per service and connection kind (docs/configuration.md). */
  public static final double MAX_PROBE_RATE = 1000;

  /** flows.rate's bound, per service. */
  public static final double MAX_FLOW_RATE = 1;

  /** load.rate's bound, in total. */
  public static final double MAX_LOAD_RATE = 5000;

  public Settings {
    services = List.copyOf(services);
    Objects.requireNonNull(probe, "probe");
    Objects.requireNonNull(flows, "flows");
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(phases, "phases");
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(influx, "influx");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(hostAccess, "hostAccess");
    Objects.requireNonNull(balancer, "balancer");
  }

  public static Settings defaults() {
    return new Settings(
        null,
        List.of(),
        ProbeSettings.defaults(),
        FlowSettings.defaults(),
        LoadSettings.defaults(),
        PhaseSettings.defaults(),
        ThresholdSettings.defaults(),
        OutputSettings.defaults(),
        TokenSettings.defaults(),
        InfluxSettings.defaults(),
        MetricsSettings.defaults(),
        HostSettings.defaults(),
        BalancerSettings.defaults(),
        null);
  }

  /**
   * The settings Vigil runs with: from {@code --config} when given (it must exist), else from
   * ./vigil.yaml when there is one, else the defaults.
   */
  public static Settings find(Path configOrNull, Path workingDir) {
    if (configOrNull != null) {
      Path file = workingDir.resolve(configOrNull);
      if (!Files.isRegularFile(file)) {
        throw new VigilException(
            "--config " + configOrNull + ": no such file (looked at " + file + ")");
      }
      return load(file);
    }
    Path implicit = workingDir.resolve(DEFAULT_FILE);
    return Files.isRegularFile(implicit) ? load(implicit) : defaults();
  }

  /** Reads {@code file}; every error names the key and {@code file:line}. */
  public static Settings load(Path file) {
    return load(file, Map.of());
  }

  /**
   * Reads {@code file} (or starts from the defaults when null), then applies {@code overrides}:
   * dotted keys to values written as in YAML, e.g. {@code probe.timeout -> 5s}. This is how
   * command-line flags can override the file with the same checks and messages.
   */
  public static Settings load(Path file, Map<String, String> overrides) {
    return load(file, overrides, Map.of());
  }

  /**
   * Like {@link #load(Path, Map)}, naming in messages the command-line option that set a key.
   *
   * @param options the option behind an overridden key, e.g. influx.url → --influx-url
   */
  public static Settings load(Path file, Map<String, String> overrides, Map<String, String> options) {
    YamlDocument doc = file == null ? null : YamlDocument.read(file);
    for (List<String> duplicate : doc == null ? List.<List<String>>of() : doc.duplicateKeys()) {
      throw new VigilException(
          doc.where(duplicate) + ": " + String.join(".", duplicate)
              + " is given twice; keep one of them");
    }
    JsonNode root = doc == null ? null : doc.root();
    if (root != null && !root.isObject()) {
      throw new VigilException(
          file + ": expected a mapping of settings (probe:, flows:, ...), found a "
              + (root.isArray() ? "list" : "single value"));
    }
    ObjectNode tree = root == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) root;
    Set<List<String>> overridden = new HashSet<>();
    overrides.forEach((key, value) -> overridden.add(override(tree, key, value)));
    Section.Locator locator =
        path -> {
          for (int n = path.size(); n > 0; n--) {
            if (overridden.contains(path.subList(0, n))) {
              String key = String.join(".", path.subList(0, n));
              return options.getOrDefault(key, "override " + key);
            }
          }
          return doc == null ? "settings" : doc.where(path);
        };
    return read(new Section(List.of(), tree, locator), file);
  }

  private static List<String> override(ObjectNode tree, String key, String value) {
    List<String> path = List.of(key.strip().split("\\."));
    ObjectNode parent = tree;
    for (String part : path.subList(0, path.size() - 1)) {
      JsonNode child = parent.get(part);
      if (child == null || !child.isObject()) {
        child = parent.putObject(part);
      }
      parent = (ObjectNode) child;
    }
    JsonNode parsed;
    try {
      // Parsed as YAML so that "true", "0.5" and "[compute, network]" mean what they do in the file.
      parsed = new YAMLMapper().readTree(value);
    } catch (IOException e) {
      parsed = JsonNodeFactory.instance.textNode(value);
    }
    parent.set(path.get(path.size() - 1), parsed == null || parsed.isMissingNode()
        ? JsonNodeFactory.instance.nullNode() : parsed);
    return path;
  }

  private static Settings read(Section top, Path source) {
    Settings defaults = defaults();
    String cloud = top.string("cloud", null);
    List<String> services = top.strings("services", List.of());
    if (services.isEmpty() && top.has("services") || services.stream().anyMatch(String::isEmpty)) {
      // An empty list would silently mean "every service", which is not what was written.
      throw top.error("services", "names no service (or an empty one); list service types, e.g. [compute, image], or leave"
          + " services out to observe every service the catalog lists");
    }
    ProbeSettings probe = probe(top.section("probe"), defaults.probe());
    FlowSettings flows = flows(top.section("flows"), defaults.flows());
    LoadSettings load = load(top.section("load"), defaults.load());
    PhaseSettings phases = phases(top.section("phases"), defaults.phases());
    ThresholdSettings thresholds = thresholds(top.section("thresholds"), defaults.thresholds());
    OutputSettings output = output(top.section("output"), defaults.output());
    TokenSettings token = token(top.section("token"), defaults.token());
    InfluxSettings influx = influx(top.section("influx"), defaults.influx());
    MetricsSettings metrics = metrics(top.section("metrics"), defaults.metrics());
    HostSettings hostAccess = hostAccess(top.section("host_access"), defaults.hostAccess());
    BalancerSettings balancer = balancer(top.section("balancer"), defaults.balancer());
    top.rejectUnknown();
    return new Settings(
        cloud, services, probe, flows, load, phases, thresholds, output, token, influx, metrics, hostAccess, balancer, source);
  }

  private static ProbeSettings probe(Section s, ProbeSettings d) {
    Rate rate = s.rate("rate_per_service", d.ratePerService(), false, MAX_PROBE_RATE,
        "records are stamped in milliseconds; for load, use load.rate");
    Duration timeout = s.duration("timeout", d.timeout(), false);
    Set<Connection> connections = d.connections();
    List<String> names = s.strings("connections", null);
    if (names != null) {
      connections = EnumSet.noneOf(Connection.class);
      for (String name : names) {
        switch (name.toLowerCase()) {
          case "new" -> connections.add(Connection.NEW);
          case "reused" -> connections.add(Connection.REUSED);
          case "both" -> connections.addAll(EnumSet.allOf(Connection.class));
          default -> throw s.error(
              "connections", "must be new, reused or both (or a list of them), not \"" + name + "\"");
        }
      }
      if (connections.isEmpty()) {
        throw s.error("connections", "must name new, reused or both");
      }
    }
    int maxInFlight = s.integer("max_in_flight", d.maxInFlight(), 1);
    s.rejectUnknown();
    Set<Connection> chosen = connections;
    return s.build(() -> new ProbeSettings(rate, timeout, chosen, maxInFlight));
  }

  private static FlowSettings flows(Section s, FlowSettings d) {
    boolean enabled = s.bool("enabled", d.enabled());
    Rate rate = s.rate("rate", d.rate(), false, MAX_FLOW_RATE,
        "each flow creates and deletes a resource");
    Duration grace = s.duration("grace", d.grace(), false);
    int failures = s.integer("circuit_breaker_failures", d.circuitBreakerFailures(), 1);
    s.rejectUnknown();
    return s.build(() -> new FlowSettings(enabled, rate, grace, failures));
  }

  private static LoadSettings load(Section s, LoadSettings d) {
    Rate rate = s.rate("rate", d.rate(), true, MAX_LOAD_RATE,
        "one Vigil host observes; it is not a load generator");
    LoadSettings.Model model = s.choice("model", LoadSettings.Model.class, d.model());
    boolean writes = s.bool("writes", d.writes());
    s.rejectUnknown();
    return s.build(() -> new LoadSettings(rate, model, writes));
  }

  private static PhaseSettings phases(Section s, PhaseSettings d) {
    Duration before = s.duration("before", d.before(), true);
    Duration after = s.duration("after", d.after(), true);
    s.rejectUnknown();
    return s.build(() -> new PhaseSettings(before, after));
  }

  private static ThresholdSettings thresholds(Section s, ThresholdSettings d) {
    double tolerance =
        s.number("latency_p95_tolerance", d.latencyP95Tolerance(), 0, 100, true);
    double significance = s.number("significance", d.significance(), 0, 0.5, false);
    if (significance == 0) {
      throw s.error("significance", "must be more than 0");
    }
    double downtime =
        s.number("max_downtime_seconds", d.maxDowntime().toMillis() / 1000.0, 0, 1e9, false);
    Duration floor = s.duration("latency_floor", d.latencyFloor(), true);
    double stallMultiple = s.number("stall_multiple", d.stallMultiple(), 1, 1000, false);
    double stallShare = s.number("stall_share", d.stallShare(), 0, 1, true);
    s.rejectUnknown();
    return s.build(
        () -> new ThresholdSettings(
            tolerance, significance, Duration.ofMillis(Math.round(downtime * 1000)), floor, stallMultiple, stallShare));
  }

  private static OutputSettings output(Section s, OutputSettings d) {
    String dir = s.string("dir", null);
    s.rejectUnknown();
    return s.build(() -> new OutputSettings(dir == null ? d.dir() : Path.of(dir)));
  }

  private static HostSettings hostAccess(Section s, HostSettings d) {
    String name = s.string("kind", d.kind().label());
    HostSettings.Kind kind = HostSettings.Kind.named(name);
    if (kind == null) {
      throw s.error("kind", "must be none, local, template, kolla-ansible or openstack-ansible, not \"" + name + "\"");
    }
    String template = s.string("template", d.template());
    Map<String, List<String>> hosts = s.listsByName("hosts");
    String inventory = s.string("inventory", null);
    String engine = s.string("engine", d.engine());
    String attach = s.string("attach", d.attach());
    Duration timeout = s.duration("timeout", d.timeout(), false);
    s.rejectUnknown();
    Path inv = inventory != null ? Path.of(inventory) : kind == HostSettings.Kind.OPENSTACK_ANSIBLE ? HostSettings.OSA_INVENTORY : null;
    return s.build(() -> new HostSettings(kind, template, hosts, inv, engine, attach, timeout));
  }

  private static BalancerSettings balancer(Section s, BalancerSettings d) {
    String haproxy = s.string("haproxy", d.haproxy());
    if (haproxy != null && haproxy.isBlank()) {
      throw s.error("haproxy", "is empty; give HAProxy's runtime socket (e.g. /var/lib/kolla/haproxy/haproxy.sock) or its stats page"
          + " (e.g. https://USER:PASSWORD@HOST:1936/), or leave it out");
    }
    Duration every = s.duration("every", d.every(), false);
    if (every.toMillis() < 200) {
      throw s.error("every", "is " + every.toMillis() + " ms; read HAProxy at most 5 times a second (e.g. 1s)");
    }
    s.rejectUnknown();
    return s.build(() -> new BalancerSettings(haproxy, every));
  }

  private static MetricsSettings metrics(Section s, MetricsSettings d) {
    String listen = s.string("listen", d.listen());
    if (listen != null && !listen.matches("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):\\d{1,5}")) {
      throw s.error("listen", "'" + listen + "' is not HOST:PORT; write e.g. 127.0.0.1:9464 (loopback) or 0.0.0.0:9464 (every address)");
    }
    if (listen != null && Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1)) > 65535) {
      throw s.error("listen", "'" + listen + "' has no valid port; use 1-65535, e.g. 127.0.0.1:9464");
    }
    Duration linger = s.duration("linger", d.linger(), true);
    s.rejectUnknown();
    return s.build(() -> new MetricsSettings(listen, linger));
  }

  private static TokenSettings token(Section s, TokenSettings d) {
    Duration margin = s.duration("refresh_margin", d.refreshMargin(), true);
    s.rejectUnknown();
    return s.build(() -> new TokenSettings(margin));
  }

  private static InfluxSettings influx(Section s, InfluxSettings d) {
    String secretRule = "must not hold the secret itself; put it in an environment variable and"
        + " give that variable's name in influx.";
    s.forbid("password", secretRule + "password_env");
    s.forbid("token", secretRule + "token_env");
    URI url = url(s);
    InfluxSettings.Api api = s.choice("api", InfluxSettings.Api.class, d.api());
    String database = s.string("database", d.database());
    String org = s.string("org", d.org());
    String bucket = s.string("bucket", d.bucket());
    String user = s.string("user", d.user());
    String passwordEnv = envName(s, "password_env");
    String tokenEnv = envName(s, "token_env");
    int batchSize = s.integer("batch_size", d.batchSize(), 1);
    Duration flush = s.duration("flush_interval", d.flushInterval(), false);
    String injector = s.string("injector", d.injector());
    if (injector == null && s.has("injector") || injector != null && injector.isBlank()) {
      throw s.error("injector", "is empty; name this Vigil host (e.g. rack-a), or leave it out for the host name");
    }
    s.rejectUnknown();

    // Keys of the other API are most likely a mix-up between v1 and v2: say so instead of
    // ignoring them.
    List<String> misplaced = new ArrayList<>();
    if (api == InfluxSettings.Api.V1) {
      for (String key : List.of("org", "bucket", "token_env")) {
        if (s.has(key)) {
          misplaced.add(key);
        }
      }
    } else {
      for (String key : List.of("database", "user", "password_env")) {
        if (s.has(key)) {
          misplaced.add(key);
        }
      }
    }
    if (!misplaced.isEmpty()) {
      throw s.error(misplaced.get(0), "is not used by influx.api "
          + api.name().toLowerCase() + "; v1 takes database, user, password_env;"
          + " v2 takes org, bucket, token_env");
    }
    if (url != null && api == InfluxSettings.Api.V1 && database == null) {
      throw s.error("url", "is set but influx.database is missing; name the database to write to");
    }
    if (url != null && api == InfluxSettings.Api.V2) {
      for (String key : List.of("org", "bucket", "token_env")) {
        if (!s.has(key)) {
          throw s.error("url", "is set with influx.api v2 but influx." + key + " is missing;"
              + " v2 needs org, bucket and token_env");
        }
      }
    }
    return s.build(() -> new InfluxSettings(
        url, api, database, org, bucket, user, passwordEnv, tokenEnv, batchSize, flush, injector));
  }

  private static URI url(Section s) {
    String text = s.string("url", null);
    if (text == null) {
      return null;
    }
    try {
      return Urls.parse(text, UrlRule.web("http://127.0.0.1:8086",
          "give the user as influx.user (--influx-user) and the password's variable as influx.password_env"
              + " (--influx-password-env)"));
    } catch (Urls.BadUrl e) {
      throw s.error("url", e.getMessage());
    }
  }

  private static String envName(Section s, String key) {
    String name = s.string(key, null);
    if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      // Do not echo the value: someone may have pasted the secret here by mistake.
      throw s.error(key, "must be the NAME of an environment variable (letters, digits, _),"
          + " such as INFLUX_PASSWORD; the secret itself goes in that variable");
    }
    return name;
  }
}
