package dev.vigil.cli;

import dev.vigil.balancer.BalancerWatch;
import dev.vigil.run.InfluxSinks;
import dev.vigil.run.ReportAfterWindow;
import dev.vigil.simulations.RunFolder;
import dev.vigil.simulations.Targets;
import dev.vigil.run.Terminal;
import dev.vigil.simulations.WindowPlans;
import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.flow.FlowOptions;
import dev.vigil.identity.KeystoneClient;
import dev.vigil.influx.InfluxSink;
import dev.vigil.metrics.MetricsEndpoint;
import dev.vigil.run.MetricsEndpoints;
import dev.vigil.identity.NonAdminGuard;
import dev.vigil.identity.Token;
import dev.vigil.result.WindowResult;
import dev.vigil.settings.LoadSettings;
import dev.vigil.settings.Settings;
import dev.vigil.simulations.DataPlaneTarget;
import dev.vigil.simulations.GatlingTls;
import dev.vigil.simulations.WindowPlan;
import dev.vigil.simulations.WindowRunner;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    header = "Observe a cloud's APIs for a window, every request recorded.",
    description = {
      "Observe a cloud's APIs for a window: uptime probes of every service over new and reused connections,",
      "availability flows (create, wait, read back, delete) and optional load, every request recorded.",
      "Ends after --duration, on Ctrl-C or SIGTERM (pending flows get flows.grace to finish); then writes result.json."
    })
final class WatchCommand implements Callable<Integer> {

  /** A window without --duration still ends by itself, so a forgotten one does not run forever. */
  private static final Duration DEFAULT_CAP = Duration.ofHours(24);

  @ParentCommand Vigil vigil;

  @Mixin CloudOption cloudOption;

  @Mixin SettingsOption settingsOption;

  @Mixin InfluxOption influx;

  @Mixin MetricsOption metricsOption;

  @Mixin BalancerOption balancerOption;

  @Option(names = "--services", split = ",", paramLabel = "TYPE", description = "Service types to observe (default: every known one in the catalog).")
  List<String> services;

  @Option(names = "--rate", paramLabel = "R", description = "Uptime requests per second per service and connection kind (default: probe.rate_per_service, 10).")
  String rate;

  @Option(names = "--max-in-flight", paramLabel = "N",
      description = "Uptime probes in flight at most per service and connection kind; at the cap the probe due is held back, not sent (default: probe.max_in_flight, 10).")
  String maxInFlight;

  @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: <output.dir>/<run id>).")
  Path out;

  @Option(names = "--duration", paramLabel = "D", description = "Window length, e.g. 90s, 10m, 2h (default: until Ctrl-C; capped at 24h).")
  String duration;

  @Option(names = "--load", paramLabel = "R", description = "Background load: R read requests/s spread over the services (default: load.rate, off).")
  String load;

  @Option(names = "--load-model", paramLabel = "open|closed", description = "open: arrivals at the rate whatever the cloud does; closed: a fixed number of users, each waiting for its answer (default: load.model, open).")
  String loadModel;

  @Option(names = "--service-logs", paramLabel = "DIR|TYPE=PATTERN",
      description = "Where the services' logs are, to show why each outage's requests failed (their lines carrying each failed request id),"
          + " repeatable: a folder holding <type>*.log (the lab: /var/log/vigil-lab), or TYPE=PATTERN with a glob in the file name"
          + " (image=/var/log/glance/*.log).")
  List<String> serviceLogs;

  @Option(names = "--data-plane", paramLabel = "TARGET", split = ",",
      description = "A workload to probe beside the APIs, repeatable: http(s)://..., tcp://HOST:PORT or swift:CONTAINER/OBJECT.")
  List<String> dataPlane;

  @Option(names = "--no-flows", description = "Probes (and load) only: no availability flows.")
  boolean noFlows;

  @Option(names = "--flow-image", paramLabel = "NAME", description = "Image the compute flow boots, by name (default: " + FlowOptions.DEFAULT_IMAGE + ").")
  String flowImage;

  @Option(names = "--flow-flavor", paramLabel = "NAME", description = "Flavor the compute flow boots with, by name (default: " + FlowOptions.DEFAULT_FLAVOR + ").")
  String flowFlavor;

  @Option(names = "--flow-network", paramLabel = "NAME", description = "Network the compute flow boots on, by name (default: none, microversion 2.37).")
  String flowNetwork;

  @Override
  public Integer call() throws Exception {
    Terminal terminal = vigil.terminal();
    Settings settings = settingsOption.load(vigil.environment(), overrides());
    Duration length = duration == null ? null : parseDuration(duration);
    Targets.checkDataPlane(dataPlane);
    dev.vigil.requestlogs.LogSource logs = serviceLogs == null ? dev.vigil.requestlogs.LogSource.NONE
        : dev.vigil.requestlogs.LogFolder.parse(serviceLogs);
    requireName("--flow-image", flowImage);
    requireName("--flow-flavor", flowFlavor);
    requireName("--flow-network", flowNetwork);
    influx.target(settings, vigil.environment());
    if (out != null) {
      RunFolder.requireNoEarlierRun(vigil.environment().workingDir().resolve(out).toAbsolutePath());
    }
    CloudConfig cloud = cloudOption.resolve(vigil.environment(), terminal, settings.cloud());
    Token token = new KeystoneClient(cloud).authenticate(Duration.ofSeconds(30));
    NonAdminGuard.requireNonAdmin(token, cloud.name());
    List<WindowPlan.Target> targets = Targets.select(token.catalog(), cloud, settings);
    List<DataPlaneTarget> workloads = Targets.dataPlane(dataPlane, token.catalog(), cloud);
    Path cwd = vigil.environment().workingDir();
    RunFolder run = RunFolder.createForWindow(cwd.resolve(settings.output().dir()), out == null ? null : cwd.resolve(out));

    WindowPlan plan = WindowPlans.of(run, cloud, targets, settings, length == null ? DEFAULT_CAP : length, flowImage, flowFlavor, flowNetwork)
        .withDataPlane(workloads);
    double perSecond = plan.ratePerService();
    terminal.info("vigil: run " + run.runId() + " watching " + targets.stream().map(WindowPlan.Target::serviceType).toList()
        + " on cloud " + cloud.name() + " at " + perSecond + "/s per service and connection kind (at most " + plan.maxInFlight() + " in flight)" + describe(plan) + "; results in " + run.dir());

    MetricsEndpoint metrics = MetricsEndpoints.start(settings, run, cloud.name(), terminal);
    InfluxSink sink = influx.start(settings, vigil.environment(), run, cloud.name(), plan.injector(), terminal);
    CountDownLatch stop = new CountDownLatch(1);
    try (InfluxSinks.Closing closing = () -> InfluxSinks.stop(sink);
        InfluxSinks.Closing metricsClosing = () -> MetricsEndpoints.stop(metrics, terminal);
        WindowRunner window = WindowRunner.start(plan, GatlingTls.options(cloud, run.dir()), MetricsEndpoints.liveLines(metrics, terminal));
        Signals signals = Signals.onInterrupt(stop::countDown)) {
      if (!window.awaitStart(Duration.ofMinutes(2)) && !signals.received()) {
        terminal.warn("the window did not start; see " + run.dir().resolve(WindowRunner.CONSOLE_LOG));
      }
      boolean interrupted;
      try (BalancerWatch balancer = BalancerWatch.of(settings.balancer(), BalancerWatch.appendingTo(run.dir(), terminal::warn), terminal::info)) {
        interrupted = awaitEnd(terminal, settings, length, stop, window, signals, run);
      }
      WindowResult result = WindowSummary.writeAndPrint(run, cloud.name(), logs, terminal);
      ReportAfterWindow.write(run.dir(), terminal);
      if (interrupted) {
        return ExitCode.INTERRUPTED;
      }
      return WindowSummary.requireEvidence(result, targets, run, terminal);
    }
  }

  /** Until the duration, Ctrl-C or the window's own end; then the window ends. True when interrupted. */
  private static boolean awaitEnd(Terminal terminal, Settings settings, Duration length, CountDownLatch stop, WindowRunner window,
      Signals signals, RunFolder run) throws InterruptedException {
    boolean interrupted;
    if (length == null) {
      stopWhenEitherEnds(stop, window);
      interrupted = signals.received();
    } else {
      interrupted = stop.await(length.toMillis(), TimeUnit.MILLISECONDS) && signals.received();
    }
    if (window.isRunning()) {
      terminal.info("vigil: ending the window" + (interrupted ? " (interrupted)" : "") + "; Gatling writes its report");
      window.stop(terminal::warn);
    }
    // grace for pending flows, then the cleanup of what they left (up to grace again per step)
    int gatlingExit = window.awaitEnd(settings.flows().grace().multipliedBy(3).plusMinutes(2));
    if (gatlingExit != 0) {
      terminal.warn("the Gatling JVM ended with exit code " + gatlingExit + "; see " + run.dir().resolve(WindowRunner.CONSOLE_LOG));
    }
    return interrupted;
  }

  private static Duration parseDuration(String text) {
    try {
      Duration d = dev.vigil.settings.Durations.parse(text);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("a window must last more than 0 s");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new VigilException("--duration " + text + ": " + e.getMessage());
    }
  }

  private static void stopWhenEitherEnds(CountDownLatch stop, WindowRunner window) throws InterruptedException {
    while (!stop.await(200, TimeUnit.MILLISECONDS)) {
      if (!window.isRunning()) {
        return;
      }
    }
  }

  private static String describe(WindowPlan plan) {
    StringBuilder s = new StringBuilder();
    if (plan.flows().enabled()) {
      s.append(String.format(Locale.ROOT, ", flows every %.0f s per service", 1 / plan.flows().perSecond()));
    }
    if (plan.load().enabled()) {
      s.append(String.format(Locale.ROOT, ", load %s/s (%s model%s)", trim(plan.load().perSecond()), plan.load().model(),
          plan.load().writes() ? ", with writes" : ""));
    }
    return s.toString();
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** An empty name would silently mean the default, which is not what was typed. */
  private static void requireName(String option, String value) {
    if (value != null && value.isBlank()) {
      throw new VigilException(option + " is empty: give a name, or leave the option out for its default");
    }
  }

  /** An empty --services would mean "every service", which is not what was typed. */
  static void requireServices(List<String> services) {
    if (services != null && services.stream().allMatch(String::isBlank)) {
      throw new VigilException("--services is empty: name service types, e.g. --services compute,image, or leave the option out"
          + " to observe every service the catalog lists");
    }
  }

  private Map<String, String> overrides() {
    Map<String, String> o = new HashMap<>();
    requireServices(services);
    if (load != null) {
      o.put("load.rate", load);
    }
    if (loadModel != null) {
      o.put("load.model", loadModel);
    }
    if (noFlows) {
      o.put("flows.enabled", "false");
    }
    if (rate != null) {
      o.put("probe.rate_per_service", rate);
    }
    if (maxInFlight != null) {
      o.put("probe.max_in_flight", maxInFlight);
    }
    if (services != null) {
      o.put("services", "[" + String.join(", ", services) + "]");
    }
    influx.addOverrides(o);
    metricsOption.addOverrides(o);
    balancerOption.addOverrides(o);
    return o;
  }
}
