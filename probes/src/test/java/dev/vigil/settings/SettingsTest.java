package dev.vigil.settings;

import dev.vigil.recording.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vigil.VigilException;
import dev.vigil.cloud.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.vigil.performance.ImpactCriteria;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("vigil.yaml"), yaml);
  }

  private Settings load(String yaml) throws IOException {
    return Settings.load(write(yaml));
  }

  /** The one-line message of the VigilException loading {@code yaml} throws. */
  private String failure(String yaml) throws IOException {
    Path file = write(yaml);
    Throwable t = catchThrowable(() -> Settings.load(file));
    assertThat(t).isInstanceOf(VigilException.class);
    assertThat(t.getMessage()).doesNotContain("\n");
    return t.getMessage();
  }

  private String file() {
    return dir.resolve("vigil.yaml").toString();
  }

  @Test
  void defaults() {
    Settings s = Settings.defaults();

    assertThat(s.cloud()).isNull();
    assertThat(s.services()).isEmpty();
    assertThat(s.probe().ratePerService().perSecond()).isEqualTo(10);
    assertThat(s.probe().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.probe().connections())
        .containsExactlyInAnyOrder(Connection.NEW, Connection.REUSED);
    assertThat(s.flows().enabled()).isTrue();
    assertThat(s.flows().rate().interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.flows().grace()).isEqualTo(Duration.ofSeconds(120));
    assertThat(s.flows().circuitBreakerFailures()).isEqualTo(5);
    assertThat(s.load().enabled()).isFalse();
    assertThat(s.load().model()).isEqualTo(LoadSettings.Model.OPEN);
    assertThat(s.load().writes()).isFalse();
    assertThat(s.phases()).isEqualTo(new PhaseSettings(Duration.ofSeconds(60), Duration.ofSeconds(60)));
    assertThat(s.thresholds()).isEqualTo(new ThresholdSettings(0.20, 0.01, Duration.ZERO));
    assertThat(s.output().dir()).isEqualTo(Path.of("runs"));
    assertThat(s.token().refreshMargin()).isEqualTo(Duration.ofSeconds(300));
    assertThat(s.influx().enabled()).isFalse();
    assertThat(s.influx().api()).isEqualTo(InfluxSettings.Api.V1);
    assertThat(s.influx().batchSize()).isEqualTo(5000);
    assertThat(s.influx().flushInterval()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void emptyFileAndEmptySectionsMeanDefaults() throws IOException {
    Path file = write("");
    assertThat(Settings.load(file)).isEqualTo(withSource(Settings.defaults(), file));

    assertThat(load("probe:\nflows: {}\n"))
        .isEqualTo(withSource(Settings.defaults(), dir.resolve("vigil.yaml")));
  }

  @Test
  void everyKeyOverridden() throws IOException {
    Settings s = load("""
        cloud: lab
        services: [compute, network]
        probe:
          rate_per_service: 5/s
          timeout: 500ms
          connections: reused
        flows:
          enabled: false
          rate: 2/1m
          grace: 3m
          circuit_breaker_failures: 2
        load:
          rate: 50
          model: closed
          writes: true
        phases:
          before: 1m30s
          after: 0
        thresholds:
          latency_p95_tolerance: 35%
          significance: 0.05
          max_downtime_seconds: 2.5
        output:
          dir: /tmp/vigil-runs
        token:
          refresh_margin: 10m
        influx:
          url: http://localhost:8086
          api: v2
          org: ops
          bucket: vigil
          token_env: INFLUX_TOKEN
          batch_size: 100
          flush_interval: 250ms
        """);

    assertThat(s.cloud()).isEqualTo("lab");
    assertThat(s.services()).containsExactly("compute", "network");
    assertThat(s.probe()).isEqualTo(new ProbeSettings(
        Rate.perSecond(5), Duration.ofMillis(500), Set.of(Connection.REUSED)));
    assertThat(s.flows()).isEqualTo(new FlowSettings(
        false, new Rate(2, Duration.ofMinutes(1)), Duration.ofMinutes(3), 2));
    assertThat(s.load()).isEqualTo(new LoadSettings(Rate.perSecond(50), LoadSettings.Model.CLOSED, true));
    assertThat(s.phases()).isEqualTo(new PhaseSettings(Duration.ofSeconds(90), Duration.ZERO));
    assertThat(s.thresholds()).isEqualTo(new ThresholdSettings(0.35, 0.05, Duration.ofMillis(2500)));
    assertThat(s.output().dir()).isEqualTo(Path.of("/tmp/vigil-runs"));
    assertThat(s.token().refreshMargin()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.influx()).isEqualTo(new InfluxSettings(URI.create("http://localhost:8086"),
        InfluxSettings.Api.V2, null, "ops", "vigil", null, null,
        "INFLUX_TOKEN", 100, Duration.ofMillis(250), null));
    assertThat(s.source()).isEqualTo(dir.resolve("vigil.yaml"));
  }

  @Test
  void hostAccessIsOffUnlessAKindIsGivenAndEachKindGetsWhatItNeeds() throws IOException {
    assertThat(Settings.defaults().hostAccess().enabled()).isFalse();
    HostSettings t = load("host_access:\n  kind: template\n  template: 'ssh {host} {command}'\n  hosts:\n    identity: [identity-1, identity-2]\n"
        + "  timeout: 5s\n").hostAccess();
    assertThat(t.kind()).isEqualTo(HostSettings.Kind.TEMPLATE);
    assertThat(t.hosts()).containsEntry("identity", java.util.List.of("identity-1", "identity-2"));
    assertThat(t.timeout()).hasSeconds(5);
    HostSettings osa = load("host_access:\n  kind: openstack-ansible\n").hostAccess();
    assertThat(osa.inventory()).isEqualTo(HostSettings.OSA_INVENTORY);
    assertThat(osa.transport()).isEqualTo("ssh {host} {command}");
    assertThat(failure("host_access:\n  kind: ansible\n")).isEqualTo(file() + ":2: host_access.kind must be none, local, template,"
        + " kolla-ansible or openstack-ansible, not \"ansible\"");
    assertThat(failure("host_access:\n  kind: template\n")).contains("host_access.kind template needs host_access.template");
    assertThat(failure("host_access:\n  kind: kolla-ansible\n")).contains("needs host_access.inventory (or --kolla-inventory)");
    assertThat(failure("host_access:\n  kind: local\n  hosts:\n    identity: []\n")).contains("host_access.hosts.identity names no host");
    assertThat(failure("host_access:\n  kind: local\n  timeout: 0s\n")).contains("host_access.timeout must be more than 0");
  }

  @Test
  void theBalancerIsASocketOrAStatsPageReadAtMostFiveTimesASecond() throws IOException {
    assertThat(Settings.defaults().balancer().enabled()).isFalse();
    BalancerSettings b = load("balancer:\n  haproxy: /var/lib/kolla/haproxy/haproxy.sock\n  every: 2s\n").balancer();
    assertThat(b.haproxy()).isEqualTo("/var/lib/kolla/haproxy/haproxy.sock");
    assertThat(b.every()).hasSeconds(2);
    assertThat(load("balancer:\n  haproxy: https://admin:pw@lb:1936/\n").balancer().every()).hasSeconds(1);
    assertThat(failure("balancer:\n  haproxy: /s\n  every: 100ms\n")).contains("balancer.every is 100 ms; read HAProxy at most 5 times a second");
    assertThat(failure("balancer:\n  socket: /s\n")).contains("balancer.socket");
  }

  @Test
  void metricsListenOnHostAndPort() throws IOException {
    assertThat(Settings.defaults().metrics().enabled()).isFalse();
    MetricsSettings m = load("metrics:\n  listen: 127.0.0.1:9464\n  linger: 5s\n").metrics();
    assertThat(m.listen()).isEqualTo("127.0.0.1:9464");
    assertThat(m.linger()).hasSeconds(5);
    assertThat(load("metrics:\n  listen: '[::1]:9464'\n").metrics().listen()).isEqualTo("[::1]:9464");
    assertThat(failure("metrics:\n  listen: 9464\n")).isEqualTo(file() + ":2: metrics.listen '9464' is not HOST:PORT; write e.g."
        + " 127.0.0.1:9464 (loopback) or 0.0.0.0:9464 (every address)");
    assertThat(failure("metrics:\n  listen: h:70000\n")).contains("metrics.listen 'h:70000' has no valid port");
  }

  @Test
  void influxV1AndItsSecretFromTheEnvironment() throws IOException {
    InfluxSettings influx = load("""
        influx:
          url: https://influx.example:8086
          database: vigil
          user: writer
          password_env: INFLUX_PASSWORD
        """).influx();

    assertThat(influx.enabled()).isTrue();
    assertThat(influx.password(Map.of("INFLUX_PASSWORD", "pw"))).contains(Secret.of("pw"));
    assertThat(influx.token(Map.of())).isEmpty();
    Throwable unset = catchThrowable(() -> influx.password(Map.of()));
    assertThat(unset).isInstanceOf(VigilException.class)
        .hasMessage("influx.password_env names the environment variable INFLUX_PASSWORD, but it"
            + " is not set; export INFLUX_PASSWORD before running Vigil");
  }

  @Test
  void probeConnectionsAcceptBothAndLists() throws IOException {
    assertThat(load("probe:\n  connections: both\n").probe().connections()).hasSize(2);
    assertThat(load("probe:\n  connections: [new]\n").probe().connections())
        .containsExactly(Connection.NEW);
  }

  @Test
  void theZeroImpactFloorsAndStallRuleHaveDefaultsAndSettings() throws IOException {
    assertThat(Settings.defaults().thresholds().impact()).isEqualTo(ImpactCriteria.defaults());
    ThresholdSettings t = load("thresholds:\n  latency_floor: 50ms\n  latency_p95_tolerance: 30%\n  stall_multiple: 5\n  stall_share: 2%\n")
        .thresholds();
    assertThat(t.impact()).isEqualTo(new ImpactCriteria(0.01, 50, 0.30, 5, 0.02, ImpactCriteria.DEFAULT_MIN_SAMPLES));
    assertThat(failure("thresholds:\n  stall_multiple: 0.5\n")).isEqualTo(file() + ":2: thresholds.stall_multiple must be between 1 and 1000, not 0.5");
  }

  @Test
  void probesInFlightAreCappedByDefaultAndBySetting() throws IOException {
    assertThat(Settings.defaults().probe().maxInFlight()).isEqualTo(10);
    assertThat(load("probe:\n  max_in_flight: 3\n").probe().maxInFlight()).isEqualTo(3);
    assertThat(failure("probe:\n  max_in_flight: 0\n")).isEqualTo(file() + ":2: probe.max_in_flight must be at least 1, not 0");
  }

  @Test
  void unknownTopLevelKeyNamesTheValidOnes() throws IOException {
    assertThat(failure("cloud: lab\nprobes:\n  timeout: 1s\n"))
        .isEqualTo(file() + ":2: unknown key probes (did you mean probe?); valid keys at the top"
            + " level: cloud, services, probe, flows, load, phases, thresholds, output, token,"
            + " influx, metrics, host_access, balancer");
  }

  @Test
  void unknownKeyInASectionIsATypoNotADefault() throws IOException {
    assertThat(failure("probe:\n  rate_per_service: 5\n  timout: 5s\n"))
        .isEqualTo(file() + ":3: unknown key probe.timout (did you mean timeout?); valid keys in"
            + " probe: rate_per_service, timeout, connections, max_in_flight");
    assertThat(failure("influx:\n  url: http://x:8086\n  databse: v\n"))
        .contains("unknown key influx.databse (did you mean database?)");
    assertThat(failure("flows:\n  something_else: 1\n"))
        .contains("unknown key flows.something_else; valid keys in flows: enabled, rate, grace,"
            + " circuit_breaker_failures");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      probe:\\n  timeout: 10              | 2 | probe.timeout is wrong: "10" has no unit; write e.g. 10s, 10ms, 10m or 10h
      probe:\\n  timeout: ten seconds     | 2 | probe.timeout is wrong: "ten seconds" is not a duration
      probe:\\n  timeout: 0               | 2 | probe.timeout must be more than 0
      probe:\\n  timeout: -5s             | 2 | probe.timeout is wrong: "-5s" is not a duration
      probe:\\n  timeout: [1s]            | 2 | probe.timeout must be a single value, not a list or mapping
      probe:\\n  rate_per_service: 0      | 2 | probe.rate_per_service must be more than 0
      probe:\\n  rate_per_service: fast   | 2 | probe.rate_per_service is wrong: "fast" is not a rate
      probe:\\n  rate_per_service: -1     | 2 | probe.rate_per_service is wrong: "-1": a rate cannot be negative
      probe:\\n  connections: sometimes   | 2 | probe.connections must be new, reused or both (or a list of them), not "sometimes"
      probe:\\n  connections: []          | 2 | probe.connections must name new, reused or both
      flows:\\n  enabled: maybe           | 2 | flows.enabled must be true or false, not "maybe"
      flows:\\n  rate: 1/0s               | 2 | flows.rate is wrong: "1/0s": the period after / must be more than 0
      flows:\\n  grace: 2x                | 2 | flows.grace is wrong: "2x" is not a duration
      flows:\\n  circuit_breaker_failures: 0   | 2 | flows.circuit_breaker_failures must be at least 1, not 0
      flows:\\n  circuit_breaker_failures: 2.5 | 2 | flows.circuit_breaker_failures must be a whole number, not "2.5"
      load:\\n  model: half-open          | 2 | load.model must be one of open, closed, not "half-open"
      load:\\n  writes: 1                 | 2 | load.writes must be true or false, not "1"
      phases:\\n  before: 1d              | 2 | phases.before is wrong: "1d" is not a duration
      thresholds:\\n  latency_p95_tolerance: -0.1 | 2 | thresholds.latency_p95_tolerance must be between 0 and 100, not -0.1
      thresholds:\\n  latency_p95_tolerance: lots | 2 | thresholds.latency_p95_tolerance must be a number (or a percentage such as 20%), not "lots"
      thresholds:\\n  significance: 0        | 2 | thresholds.significance must be more than 0
      thresholds:\\n  significance: 5%       | 2 | thresholds.significance must be a number, not "5%"
      thresholds:\\n  max_downtime_seconds: -1 | 2 | thresholds.max_downtime_seconds must be between 0 and 1000000000, not -1
      output:\\n  dir: [a, b]             | 2 | output.dir must be a single value, not a list or mapping
      token:\\n  refresh_margin: 5        | 2 | token.refresh_margin is wrong: "5" has no unit
      influx:\\n  api: v3                 | 2 | influx.api must be one of v1, v2, not "v3"
      influx:\\n  url: localhost:8086     | 2 | influx.url "localhost:8086" has no scheme; write http://localhost:8086 (http:// or https://)
      influx:\\n  url: http://admin:hunter2@x:8086 | 2 | influx.url "http://***@x:8086" holds a user name or password, which Vigil never puts in a URL
      influx:\\n  url: admin:hunter2@x:8086 | 2 | influx.url "***@x:8086" holds a user name or password
      influx:\\n  url: ftp://x:8086         | 2 | influx.url "ftp://x:8086": the scheme ftp:// is not one Vigil can use here; write http:// or https://
      influx:\\n  url: http://x:99999       | 2 | influx.url "http://x:99999": port 99999 is out of range (1 to 65535)
      influx:\\n  url: "http://:8086"       | 2 | influx.url "http://:8086" has no host
      influx:\\n  url: http://in_flux:8086  | 2 | influx.url "http://in_flux:8086": "in_flux:8086" is not a host name
      influx:\\n  url: http://x:8086/a b    | 2 | influx.url "http://x:8086/a b" contains a space
      probe:\\n  rate_per_service: 1e9    | 2 | probe.rate_per_service 1000000000/s is above its bound of 1000/s
      probe:\\n  rate_per_service: 120000/m | 2 | probe.rate_per_service 120000/1m is above its bound of 1000/s
      flows:\\n  rate: 2/s                | 2 | flows.rate 2/s is above its bound of 1/s
      load:\\n  rate: 1e6                 | 2 | load.rate 1000000/s is above its bound of 5000/s
      services: []                        | 1 | services names no service (or an empty one)
      services: [compute, ""]             | 1 | services names no service (or an empty one)
      influx:\\n  url: http://x:8086       | 2 | influx.url is set but influx.database is missing
      influx:\\n  url: http://x:8086\\n  api: v2\\n  org: o\\n  token_env: T | 2 | influx.url is set with influx.api v2 but influx.bucket is missing
      influx:\\n  database: d\\n  bucket: b | 3 | influx.bucket is not used by influx.api v1; v1 takes database, user, password_env; v2 takes org, bucket, token_env
      influx:\\n  injector: ""            | 2 | influx.injector is empty; name this Vigil host
      influx:\\n  batch_size: 0           | 2 | influx.batch_size must be at least 1, not 0
      influx:\\n  flush_interval: 0       | 2 | influx.flush_interval must be more than 0
      influx:\\n  password_env: "hunter2 !" | 2 | influx.password_env must be the NAME of an environment variable
      influx:\\n  password: hunter2       | 2 | influx.password must not hold the secret itself; put it in an environment variable and give that variable's name in influx.password_env
      influx:\\n  token: abc              | 2 | influx.token must not hold the secret itself
      services: {compute: true}           | 1 | services must be a list of names, e.g. [compute, network]
      cloud: [a, b]                       | 1 | cloud must be a single value, not a list or mapping
      probe: fast                         | 1 | probe must be a mapping of keys to values
      """)
  void malformedValuesNameTheKeyAndTheLine(String yaml, int line, String message)
      throws IOException {
    String text = failure(yaml.replace("\\n", "\n") + "\n");

    assertThat(text).startsWith(file() + ":" + line + ": " + message);
    assertThat(text).doesNotContain("hunter2").doesNotContain("abc\"");
  }

  @Test
  void notYamlGivesLineAndColumn() throws IOException {
    assertThat(failure("probe:\n  timeout: [1s\n")).startsWith(file() + ":2:15: ").endsWith("(not valid YAML)");
  }

  @Test
  void notAMapping() throws IOException {
    assertThat(failure("- probe\n"))
        .isEqualTo(file() + ": expected a mapping of settings (probe:, flows:, ...), found a list");
  }

  @Test
  void aKeyGivenTwiceIsAnError() throws IOException {
    assertThat(failure("probe:\n  timeout: 1s\n  timeout: 2s\n"))
        .isEqualTo(file() + ":3: probe.timeout is given twice; keep one of them");
  }

  @Test
  void findPrefersConfigThenVigilYamlThenDefaults() throws IOException {
    assertThat(Settings.find(null, dir)).isEqualTo(Settings.defaults());

    write("cloud: implicit\n");
    assertThat(Settings.find(null, dir).cloud()).isEqualTo("implicit");

    Files.writeString(dir.resolve("other.yaml"), "cloud: explicit\n");
    assertThat(Settings.find(Path.of("other.yaml"), dir).cloud()).isEqualTo("explicit");

    Throwable missing = catchThrowable(() -> Settings.find(Path.of("nope.yaml"), dir));
    assertThat(missing).isInstanceOf(VigilException.class)
        .hasMessage("--config nope.yaml: no such file (looked at " + dir.resolve("nope.yaml") + ")");
  }

  @Test
  void overridesAreCheckedLikeTheFile() throws IOException {
    Path file = write("probe:\n  timeout: 1s\n");

    Settings s = Settings.load(file, Map.of("probe.timeout", "3s", "services", "[compute]",
        "load.writes", "true"));
    assertThat(s.probe().timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.services()).containsExactly("compute");
    assertThat(s.load().writes()).isTrue();
    assertThat(Settings.load(null, Map.of("cloud", "x")).cloud()).isEqualTo("x");

    Throwable bad = catchThrowable(() -> Settings.load(file, Map.of("probe.timeout", "3")));
    assertThat(bad).hasMessageStartingWith("override probe.timeout: probe.timeout is wrong:");
    Throwable unknown = catchThrowable(() -> Settings.load(null, Map.of("probe.tmeout", "3s")));
    assertThat(unknown).hasMessageStartingWith("override probe.tmeout: unknown key probe.tmeout");
  }

  @Test
  void durations() {
    assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse(" 1h2m3s4ms ")).isEqualTo(Duration.ofMillis(3_723_004));
    assertThat(Durations.parse("0")).isZero();
    assertThat(Durations.format(Duration.ofMillis(90_500))).isEqualTo("1m30s500ms");
    for (String bad : List.of("", "s", "10", "1.5s", "10 s", "10sec", "1d", "s10", "10s5")) {
      assertThat(catchThrowable(() -> Durations.parse(bad)))
          .as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void rates() {
    assertThat(Rate.parse("10").perSecond()).isEqualTo(10);
    assertThat(Rate.parse("10/s").perSecond()).isEqualTo(10);
    assertThat(Rate.parse("120/m").perSecond()).isEqualTo(2);
    assertThat(Rate.parse("1/30s").interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(Rate.parse("0").isOff()).isTrue();
    assertThat(Rate.parse("1/30s")).hasToString("1/30s");
    assertThat(Rate.parse("2.5")).hasToString("2.5/s");
  }

  private static Settings withSource(Settings s, Path source) {
    return new Settings(s.cloud(), s.services(), s.probe(), s.flows(), s.load(), s.phases(),
        s.thresholds(), s.output(), s.token(), s.influx(), s.metrics(), s.hostAccess(), s.balancer(), source);
  }
}
