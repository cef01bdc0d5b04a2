package dev.vigil.cli;

import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.discovery.VersionDocuments;
import dev.vigil.health.SystemHealthCheck;
import dev.vigil.http.Http;
import dev.vigil.identity.IdentitySession;
import dev.vigil.identity.NonAdminGuard;
import dev.vigil.influx.InfluxSink;
import dev.vigil.lifecycle.Check;
import dev.vigil.lifecycle.Phase;
import dev.vigil.resources.PersistentResources;
import dev.vigil.resources.ResourcePlan;
import dev.vigil.result.ServiceVerdict;
import dev.vigil.run.CommandDriver;
import dev.vigil.run.Driver;
import dev.vigil.run.ExternalDriver;
import dev.vigil.run.Level;
import dev.vigil.run.Observation;
import dev.vigil.run.RunOptions;
import dev.vigil.run.Stop;
import dev.vigil.run.UpgradeRun;
import dev.vigil.settings.Durations;
import dev.vigil.settings.Settings;
import dev.vigil.simulations.GatlingTls;
import dev.vigil.simulations.WindowPlan;
import dev.vigil.simulations.WindowRunner;
import dev.vigil.version.NeutronExtensions;
import dev.vigil.version.Release;
import dev.vigil.version.ReleaseVersionCheck;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "An upgrade run: validators before; the observers' window through a baseline",
      "(before), the upgrade performed by the driver (during) and an after phase;",
      "validators after; clean-up. Then a verdict per service against the former TC",
      "upgrade tags (rolling, zero-downtime, zero-impact, accessible) in result.json",
      "and junit.xml. See docs/run.md."
    })
final class RunCommand implements Callable<Integer> {

  /** The driver's step gets this long unless --driver-timeout says otherwise. */
  static final String DEFAULT_DRIVER_TIMEOUT = "1h";

  @ParentCommand Vigil vigil;

  @Mixin CloudOption cloudOption;

  @Mixin SettingsOption settingsOption;

  @Mixin InfluxOption influx;

  @Option(names = "--services", split = ",", paramLabel = "TYPE", description = "Service types to judge (default: every known one in the catalog).")
  List<String> services;

  @Option(names = "--driver", required = true, paramLabel = "command|external",
      description = "command: --upgrade-cmd performs the upgrade; external: you do, and mark the phases with 'vigil mark DIR during|after|done'.")
  String driver;

  @Option(names = "--upgrade-cmd", paramLabel = "CMD", description = "The upgrade, as one shell command (bash -c), e.g. 'lab/upgrade rolling identity'.")
  String upgradeCmd;

  @Option(names = "--driver-timeout", paramLabel = "D", description = "Stop the upgrade command after this long; a failed step (default: " + DEFAULT_DRIVER_TIMEOUT + ").")
  String driverTimeout;

  @Option(names = "--before", paramLabel = "D", description = "Baseline before the upgrade (default: phases.before, 60s). Command driver only.")
  String before;

  @Option(names = "--after", paramLabel = "D", description = "Measured after the upgrade (default: phases.after, 60s). Command driver only.")
  String after;

  @Option(names = "--expect-before", paramLabel = "R", description = "The release every service runs before, e.g. zed or 2023.1.")
  String expectBefore;

  @Option(names = "--expect-after", paramLabel = "R", description = "The release every service must run after (default: the same or newer than before).")
  String expectAfter;

  @Option(names = "--require", paramLabel = "LEVEL", description = "Exit 0 only when every service meets it: rolling, zero-downtime or zero-impact (default: rolling).")
  String require;

  @Option(names = "--load", paramLabel = "R", description = "Background load: R read requests/s spread over the services (default: load.rate, off).")
  String load;

  @Option(names = "--data-plane", paramLabel = "TARGET", split = ",",
      description = "A workload to probe beside the APIs, repeatable: http(s)://..., tcp://HOST:PORT or swift:CONTAINER/OBJECT.")
  List<String> dataPlane;

  @Option(names = "--no-flows", description = "No availability flows in the window (probes and load only).")
  boolean noFlows;

  @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: <output.dir>/<run id>).")
  Path out;

  /** The options, checked before anything touches the cloud: bad input is exit 2 with one line. */
  record Plan(Driver driver, Duration before, Duration after, Release expectBefore, Release expectAfter, Level require) {}

  Plan plan(Settings settings) {
    String name = driver == null ? "" : driver.strip().toLowerCase(Locale.ROOT);
    Driver d;
    switch (name) {
      case "command" -> {
        if (upgradeCmd == null || upgradeCmd.isBlank()) {
          throw new VigilException("--driver command needs --upgrade-cmd 'CMD': the shell command that performs the upgrade");
        }
        d = new CommandDriver(upgradeCmd, duration("--driver-timeout", driverTimeout == null ? DEFAULT_DRIVER_TIMEOUT : driverTimeout));
      }
      case "external" -> {
        for (Map.Entry<String, String> o : Map.of("--upgrade-cmd", String.valueOf(upgradeCmd), "--driver-timeout", String.valueOf(driverTimeout),
            "--before", String.valueOf(before), "--after", String.valueOf(after)).entrySet()) {
          if (!"null".equals(o.getValue())) {
            throw new VigilException(o.getKey() + " does not go with --driver external (you drive, and 'vigil mark DIR during|after|done' sets the phases): "
                + "drop it, or use --driver command");
          }
        }
        d = new ExternalDriver();
      }
      case "openstack-ansible", "kolla-ansible" -> throw new VigilException("--driver " + driver
          + " is not available yet: use --driver command --upgrade-cmd '<your " + name + " upgrade command>' or --driver external");
      default -> throw new VigilException("unknown driver \"" + driver + "\": use --driver command (with --upgrade-cmd) or --driver external");
    }
    Duration b = before == null ? settings.phases().before() : duration("--before", before);
    Duration a = after == null ? settings.phases().after() : duration("--after", after);
    Release eb = expectBefore == null ? null : release("--expect-before", expectBefore);
    Release ea = expectAfter == null ? null : release("--expect-after", expectAfter);
    if (eb != null && ea != null && ea.compareTo(eb) < 0) {
      throw new VigilException("--expect-after " + ea.id() + " is older than --expect-before " + eb.id() + ": an upgrade goes forward; swap them");
    }
    return new Plan(d, b, a, eb, ea, require == null ? Level.ROLLING : Level.parse(require));
  }

  private static Duration duration(String option, String text) {
    try {
      Duration d = Durations.parse(text);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("it must be more than 0 s");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new VigilException(option + " " + text + ": " + e.getMessage() + " (e.g. 90s, 10m)");
    }
  }

  private static Release release(String option, String text) {
    try {
      return Release.parse(text);
    } catch (VigilException e) {
      throw new VigilException(option + ": " + e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    Terminal terminal = vigil.terminal();
    Settings settings = settingsOption.load(vigil.environment(), overrides());
    Plan plan = plan(settings);
    CloudConfig cloud = cloudOption.resolve(vigil.environment(), terminal, settings.cloud());
    try (IdentitySession identity = ValidateCommand.session(cloud, settings, terminal)) {
      NonAdminGuard.requireNonAdmin(identity.token(), cloud.name());
      terminal.info("vigil: discovering the services of cloud " + cloud.name());
      List<WindowPlan.Target> targets = Targets.select(identity.token().catalog(), cloud, settings);
      List<String> types = targets.stream().map(WindowPlan.Target::serviceType).toList();
      RunFolder folder = RunFolder.create(vigil.environment().workingDir().resolve(settings.output().dir()),
          out == null ? null : vigil.environment().workingDir().resolve(out));
      terminal.info("vigil: run " + folder.runId() + " on cloud " + cloud.name() + ", services " + types + ", driver " + plan.driver().name()
          + ", requiring " + plan.require().label() + "; results in " + folder.dir());

      Duration windowCap = plan.driver() instanceof CommandDriver
          ? plan.before().plus(plan.after()).plus(Durations.parse(driverTimeout == null ? DEFAULT_DRIVER_TIMEOUT : driverTimeout)).plusMinutes(5)
          : Duration.ofHours(24);
      WindowPlan windowPlan = WatchCommand.windowPlan(folder, cloud, targets, settings, windowCap, null, null, null)
          .withDataPlane(Targets.dataPlane(dataPlane, identity.token().catalog(), cloud));
      RunOptions options = new RunOptions(folder.runId(), folder.dir(), cloud, identity, types, settings, plan.before(), plan.after(),
          plan.expectAfter(), plan.require(), plan.driver(), validators(cloud, settings, plan), () -> new GatlingWindow(windowPlan, cloud, terminal),
          vigil.environment().workingDir(), terminal::info);

      Stop stop = new Stop();
      UpgradeRun.Outcome outcome;
      InfluxSink sink = influx.start(settings, vigil.environment(), folder, cloud.name(), windowPlan.injector(), terminal);
      try (InfluxOption.Closing closing = () -> InfluxOption.stop(sink);
          Signals signals = Signals.onInterrupt(() -> {
        terminal.info("vigil: stopping: the run ends cleanly, cleans up and writes what it measured (Ctrl-C again to exit at once)");
        stop.request();
      })) {
        outcome = new UpgradeRun(options).run(stop);
      }
      print(outcome, terminal);
      return outcome.interrupted() ? ExitCode.INTERRUPTED : outcome.passed() ? ExitCode.OK : ExitCode.FAILED;
    }
  }

  private static List<Check> validators(CloudConfig cloud, Settings settings, Plan plan) {
    HttpClient http = Http.client(cloud, Duration.ofSeconds(5));
    Map<Phase, Release> expected = new EnumMap<>(Phase.class);
    if (plan.expectBefore() != null) {
      expected.put(Phase.BEFORE, plan.expectBefore());
    }
    if (plan.expectAfter() != null) {
      expected.put(Phase.AFTER, plan.expectAfter());
    }
    Duration timeout = settings.probe().timeout();
    return List.of(
        new ReleaseVersionCheck(new VersionDocuments(http, timeout), new NeutronExtensions(http, timeout), expected),
        new SystemHealthCheck(http, timeout, new SystemHealthCheck.TempestSetup(null, null, Duration.ofMinutes(30))),
        new PersistentResources(ResourcePlan.defaults()));
  }

  private static void print(UpgradeRun.Outcome outcome, Terminal terminal) {
    var r = outcome.result();
    terminal.out().printf("%-14s %-35s %8s %9s %9s %9s %9s%n", "SERVICE", "RELEASE BEFORE → AFTER", "ROLLING", "ZERO-DT", "ZERO-IMP", "ACCESS", "DOWN(dur)");
    r.verdicts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      ServiceVerdict v = e.getValue();
      var service = r.window().services().get(e.getKey());
      var during = service == null ? null : service.phases().get("during");
      terminal.out().printf("%-14s %-35s %8s %9s %9s %9s %9s%n", e.getKey(), v.release().before() + " → " + v.release().after(),
          yes(v.verdict().rolling()), yes(v.verdict().zeroDowntime()), yes(v.verdict().zeroImpact()), yes(v.verdict().accessible()),
          during == null ? "-" : String.format(Locale.ROOT, "%.2fs", during.downtimeSeconds()));
      v.reasons().stream().filter(x -> x.contains("NOT met")).forEach(x -> terminal.out().println("  " + x));
    });
    var run = r.run();
    if (run.driverError() != null) {
      terminal.out().println("driver " + run.driver() + ": " + run.driverError());
    }
    terminal.out().println((outcome.interrupted() ? "INTERRUPTED" : outcome.passed() ? "PASSED" : "FAILED") + ": every service "
        + (outcome.passed() ? "meets " : "must meet ") + run.require() + "; result: " + outcome.resultFile() + ", junit: " + outcome.junitFile());
    WindowRunner.report(outcome.resultFile().getParent()).ifPresent(p -> terminal.out().println("gatling report: " + p.resolve("index.html")));
    terminal.out().flush();
  }

  private static String yes(boolean b) {
    return b ? "yes" : "NO";
  }

  private Map<String, String> overrides() {
    Map<String, String> o = new HashMap<>();
    if (load != null) {
      o.put("load.rate", load);
    }
    if (noFlows) {
      o.put("flows.enabled", "false");
    }
    if (services != null) {
      o.put("services", "[" + String.join(", ", services) + "]");
    }
    influx.addOverrides(o);
    return o;
  }

  /** The observers' window in a Gatling JVM, as {@code watch} runs it. */
  private static final class GatlingWindow implements Observation {
    private final WindowPlan plan;
    private final CloudConfig cloud;
    private final Terminal terminal;
    private WindowRunner runner;

    GatlingWindow(WindowPlan plan, CloudConfig cloud, Terminal terminal) {
      this.plan = plan;
      this.cloud = cloud;
      this.terminal = terminal;
    }

    @Override
    public boolean start(Duration patience) throws InterruptedException {
      runner = WindowRunner.start(plan, GatlingTls.options(cloud, plan.runDir()), line -> terminal.info("  " + line));
      return runner.awaitStart(patience);
    }

    @Override
    public int stop(Duration patience) throws InterruptedException {
      if (runner == null) {
        return -1;
      }
      if (runner.isRunning()) {
        runner.stop();
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
