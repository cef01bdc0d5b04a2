package dev.vigil.run;

import dev.vigil.requestlogs.LogSource;
import dev.vigil.simulations.RunFolder;
import dev.vigil.simulations.WindowPlans;
import dev.vigil.simulations.Targets;
import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.discovery.VersionDocuments;
import dev.vigil.health.SystemHealthCheck;
import dev.vigil.host.HostAccess;
import dev.vigil.host.HostLog;
import dev.vigil.http.Http;
import dev.vigil.identity.IdentitySession;
import dev.vigil.identity.NonAdminGuard;
import dev.vigil.influx.InfluxSink;
import dev.vigil.lifecycle.Check;
import dev.vigil.lifecycle.Phase;
import dev.vigil.metrics.MetricsEndpoint;
import dev.vigil.resources.PersistentResources;
import dev.vigil.resources.ResourcePlan;
import dev.vigil.settings.Settings;
import dev.vigil.simulations.GatlingTls;
import dev.vigil.simulations.WindowPlan;
import dev.vigil.simulations.WindowRunner;
import dev.vigil.upgradecheck.UpgradeStatusCheck;
import dev.vigil.version.InstalledVersions;
import dev.vigil.version.NeutronExtensions;
import dev.vigil.version.Release;
import dev.vigil.version.ReleaseVersionCheck;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The upgrade run as a library (requirement 10): what {@code vigil run} does, from Java code. The
 * CLI goes through this class too, so both always run the same steps: cloud → discovery →
 * validators before → the observers' window (Gatling, in a child JVM) through before/during/after →
 * validators after → clean-up → verdict → {@code result.json}, {@code junit.xml}, {@code
 * report.html}, and the InfluxDB sink when one is configured.
 *
 * <pre>{@code
 * UpgradeRun.Finished outcome = VigilRun.builder()
 *     .cloud("lab")
 *     .services("identity")
 *     .driver(new CommandDriver("lab/upgrade rolling identity", Duration.ofMinutes(30)))
 *     .before(Duration.ofSeconds(30)).after(Duration.ofSeconds(30))
 *     .require(Level.ZERO_DOWNTIME)
 *     .out(Path.of("runs/keystone-rolling"))
 *     .build()
 *     .run(new Stop());
 * }</pre>
 *
 * <p>Bad input throws {@link VigilException} with a one-line message, from {@link Builder#build()}
 * before anything touches the cloud, or from {@link #run(Stop)} when the cloud refuses.
 */
public final class VigilRun {

  private final Environment environment;
  private final Terminal terminal;
  private final String cloudName;
  private final Settings settings;
  private final Driver driver;
  private final Duration before;
  private final Duration after;
  private final Release expectBefore;
  private final Release expectAfter;
  private final Level require;
  private final List<String> dataPlane;
  private final Path out;
  private final HostAccess hostAccess;
  private final LogSource serviceLogs;

  private VigilRun(Builder b, Settings settings, Duration before, Duration after) {
    this.environment = b.environment;
    this.terminal = b.terminal;
    this.cloudName = b.cloud;
    this.settings = settings;
    this.driver = b.driver;
    this.before = before;
    this.after = after;
    this.expectBefore = b.expectBefore;
    this.expectAfter = b.expectAfter;
    this.require = b.require;
    this.dataPlane = b.dataPlane;
    this.out = b.out;
    // the inventory is read here, so a missing one is bad input said before the cloud is contacted
    this.hostAccess = HostAccess.of(settings.hostAccess());
    this.serviceLogs = b.serviceLogs;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The settings in force: the file's, with the builder's settings over them. */
  public Settings settings() {
    return settings;
  }

  /**
   * Runs the upgrade run to its end, or until {@code stop} is requested (then it ends cleanly: the
   * driver's command is terminated, the window closes, the clean-up runs and what was measured is
   * written). Progress goes to the terminal, one line at a time.
   */
  public UpgradeRun.Finished run(Stop stop) throws InterruptedException {
    CloudConfig cloud = cloudConfig();
    try (IdentitySession identity = Sessions.open(cloud, settings, terminal)) {
      NonAdminGuard.requireNonAdmin(identity.token(), cloud.name());
      terminal.info("vigil: discovering the services of cloud " + cloud.name());
      List<WindowPlan.Target> targets = Targets.select(identity.token().catalog(), cloud, settings);
      List<String> types = targets.stream().map(WindowPlan.Target::serviceType).toList();
      RunFolder folder = RunFolder.createForWindow(environment.workingDir().resolve(settings.output().dir()),
          out == null ? null : environment.workingDir().resolve(out));
      terminal.info("vigil: run " + folder.runId() + " on cloud " + cloud.name() + ", services " + types + ", driver " + driver.name()
          + ", requiring " + require.label() + "; results in " + folder.dir());

      WindowPlan windowPlan = WindowPlans.of(folder, cloud, targets, settings, windowCap(), null, null, null)
          .withDataPlane(Targets.dataPlane(dataPlane, identity.token().catalog(), cloud));
      MetricsEndpoint metrics = MetricsEndpoints.start(settings, folder, cloud.name(), terminal);
      try {
        RunOptions options = new RunOptions(folder.runId(), folder.dir(), cloud, identity, types, settings, before, after, expectAfter,
            require, driver, validators(cloud, folder.dir()), () -> new GatlingWindow(windowPlan, cloud, terminal, MetricsEndpoints.liveLines(metrics, terminal)),
            environment.workingDir(), terminal::info, serviceLogs);
        UpgradeRun.Finished outcome;
        InfluxSink sink = InfluxSinks.start(settings, environment, folder, cloud.name(), windowPlan.injector(), terminal);
        try (InfluxSinks.Closing closing = () -> InfluxSinks.stop(sink)) {
          outcome = new UpgradeRun(options).run(stop);
        }
        ReportAfterWindow.write(folder.dir(), terminal);
        return outcome;
      } finally {
        MetricsEndpoints.stop(metrics, terminal);
      }
    }
  }

  /**
   * The cloud the run would use, read from clouds.yaml or OS_* and checked (its URLs included),
   * without contacting it.
   */
  public CloudConfig cloudConfig() {
    return Clouds.resolve(cloudName != null ? cloudName : settings.cloud(), environment, terminal);
  }

  /** The window's cap: a command driver has a time limit; an operator driving may take a day. */
  private Duration windowCap() {
    if (driver instanceof CommandDriver c && c.timeout() != null) {
      return before.plus(after).plus(c.timeout()).plusMinutes(5);
    }
    return Duration.ofHours(24);
  }

  private List<Check> validators(CloudConfig cloud, Path runDir) {
    HttpClient http = Http.client(cloud, Duration.ofSeconds(5));
    Map<Phase, Release> expected = new EnumMap<>(Phase.class);
    if (expectBefore != null) {
      expected.put(Phase.BEFORE, expectBefore);
    }
    if (expectAfter != null) {
      expected.put(Phase.AFTER, expectAfter);
    }
    Duration timeout = settings.probe().timeout();
    HostLog log = HostLog.in(runDir);
    List<Check> checks = new java.util.ArrayList<>(List.of(
        new ReleaseVersionCheck(new VersionDocuments(http, timeout), new NeutronExtensions(http, timeout), expected,
            hostAccess.enabled() ? new InstalledVersions(hostAccess, log) : null),
        new SystemHealthCheck(http, timeout, new SystemHealthCheck.TempestSetup(null, null, Duration.ofMinutes(30))),
        new PersistentResources(ResourcePlan.defaults())));
    if (hostAccess.enabled()) {
      checks.add(1, new UpgradeStatusCheck(hostAccess, log));
    }
    return List.copyOf(checks);
  }

  /**
   * What host access would run for these services (every one Vigil reads on hosts when empty):
   * the upgrade checks and the installed versions, one line per place; what --dry-run prints.
   * Reads the inventory, contacts nothing.
   */
  public List<String> hostCommands(List<String> services) {
    if (!hostAccess.enabled()) {
      return List.of();
    }
    List<String> wanted = services.isEmpty() ? dev.vigil.host.ServicePart.services() : services;
    List<String> lines = new java.util.ArrayList<>();
    lines.add("# host access: " + hostAccess.describe() + "; each command bounded by " + dev.vigil.settings.Durations.format(
        settings.hostAccess().timeout()) + ", before and after the upgrade");
    lines.add("# " + UpgradeStatusCheck.NAME + ":");
    new UpgradeStatusCheck(hostAccess, null).commandLines(wanted).forEach(lines::add);
    lines.add("# installed versions (" + ReleaseVersionCheck.NAME + "):");
    InstalledVersions versions = new InstalledVersions(hostAccess, null);
    wanted.stream().filter(s -> dev.vigil.host.ServicePart.of(s).isPresent()).forEach(s -> lines.addAll(versions.commandLines(s)));
    return lines;
  }

  /** What a run needs; every setter is optional but {@link #driver(Driver)}. */
  public static final class Builder {
    private Environment environment = Environment.system();
    private Terminal terminal = new Terminal(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    private String cloud;
    private Path settingsFile;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private Driver driver;
    private Duration before;
    private Duration after;
    private Release expectBefore;
    private Release expectAfter;
    private Level require = Level.ROLLING;
    private List<String> dataPlane = List.of();
    private Path out;
    private LogSource serviceLogs = LogSource.NONE;

    private Builder() {}

    /** Where clouds.yaml, vigil.yaml and OS_* are looked up (default: this process's). */
    public Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment);
      return this;
    }

    /** Where progress lines and warnings go (default: System.out and System.err). */
    public Builder terminal(Terminal terminal) {
      this.terminal = Objects.requireNonNull(terminal);
      return this;
    }

    /** The cloud in clouds.yaml (default: the settings' cloud, else $OS_CLOUD, else the OS_* variables). */
    public Builder cloud(String name) {
      this.cloud = name;
      return this;
    }

    /** Vigil's settings file (default: ./vigil.yaml when present, else the defaults). */
    public Builder settingsFile(Path file) {
      this.settingsFile = file;
      return this;
    }

    /**
     * One setting over the file's, by its dotted key and a YAML value, e.g. {@code
     * setting("load.rate", "20")} or {@code setting("influx.url", "http://127.0.0.1:8086")}
     * (docs/configuration.md lists them).
     */
    public Builder setting(String key, String yamlValue) {
      overrides.put(key, yamlValue);
      return this;
    }

    /** The service types to judge (default: every known one in the catalog). */
    public Builder services(String... types) {
      return setting("services", "[" + String.join(", ", types) + "]");
    }

    /** What performs the upgrade: a {@link CommandDriver}, an {@link ExternalDriver}, or your own. */
    public Builder driver(Driver driver) {
      this.driver = driver;
      return this;
    }

    /** The baseline's length (default: phases.before). Not with an external driver. */
    public Builder before(Duration before) {
      this.before = before;
      return this;
    }

    /** The after phase's length (default: phases.after). Not with an external driver. */
    public Builder after(Duration after) {
      this.after = after;
      return this;
    }

    public Builder expectBefore(Release release) {
      this.expectBefore = release;
      return this;
    }

    /** The release every service must run after (default: the same or newer than before). */
    public Builder expectAfter(Release release) {
      this.expectAfter = release;
      return this;
    }

    /** The level {@link UpgradeRun.Finished#passed()} asks of every service (default: rolling). */
    public Builder require(Level level) {
      this.require = Objects.requireNonNull(level);
      return this;
    }

    /** Workloads probed beside the APIs: http(s)://…, tcp://HOST:PORT or swift:CONTAINER/OBJECT. */
    public Builder dataPlane(List<String> targets) {
      this.dataPlane = targets == null ? List.of() : List.copyOf(targets);
      return this;
    }

    /**
     * Where the services' logs are read to say why each outage's requests failed (e.g. {@code
     * LogFolder.parse(List.of("/var/log/vigil-lab"))} for the lab); default: nowhere.
     */
    public Builder serviceLogs(LogSource source) {
      this.serviceLogs = source == null ? LogSource.NONE : source;
      return this;
    }

    /** The run folder (default: {@code <output.dir>/<run id>}). */
    public Builder out(Path dir) {
      this.out = dir;
      return this;
    }

    /** Loads the settings and checks the options; nothing touches the cloud yet. */
    public VigilRun build() {
      if (driver == null) {
        throw new VigilException("a run needs a driver: new CommandDriver(\"CMD\", timeout), new ExternalDriver() or your own");
      }
      if (driver instanceof ExternalDriver && (before != null || after != null)) {
        throw ExternalDriver.notWith(before != null ? "--before" : "--after");
      }
      if (expectBefore != null && expectAfter != null && expectAfter.compareTo(expectBefore) < 0) {
        throw new VigilException("--expect-after " + expectAfter.id() + " is older than --expect-before " + expectBefore.id()
            + ": an upgrade goes forward; swap them");
      }
      Settings settings = SettingsFiles.load(settingsFile, environment, overrides);
      Targets.checkDataPlane(dataPlane);
      if (out != null) {
        RunFolder.requireNoEarlierRun(environment.workingDir().resolve(out).toAbsolutePath());
      }
      return new VigilRun(this, settings, before == null ? settings.phases().before() : positive("--before", before),
          after == null ? settings.phases().after() : positive("--after", after));
    }

    private static Duration positive(String option, Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new VigilException(option + " " + dev.vigil.settings.Durations.format(d) + ": it must be more than 0 s (e.g. 90s, 10m)");
      }
      return d;
    }
  }

  /** The observers' window in a Gatling JVM, as {@code watch} runs it. */
  private static final class GatlingWindow implements Observation {
    private final WindowPlan plan;
    private final CloudConfig cloud;
    private final Terminal terminal;
    private final java.util.function.Consumer<String> lines;
    private WindowRunner runner;

    GatlingWindow(WindowPlan plan, CloudConfig cloud, Terminal terminal, java.util.function.Consumer<String> lines) {
      this.plan = plan;
      this.cloud = cloud;
      this.terminal = terminal;
      this.lines = lines;
    }

    @Override
    public boolean start(Duration patience) throws InterruptedException {
      runner = WindowRunner.start(plan, GatlingTls.options(cloud, plan.runDir()), lines);
      return runner.awaitStart(patience);
    }

    @Override
    public int stop(Duration patience) throws InterruptedException {
      if (runner == null) {
        return -1;
      }
      if (runner.isRunning()) {
        runner.stop(terminal::warn);
      }
      return runner.awaitEnd(patience);
    }

    @Override
    public void close() {
      if (runner != null) {
        runner.close();
      }
    }
  }
}
