package dev.vigil.cli;

import dev.vigil.run.Terminal;
import dev.vigil.run.VigilRun;
import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.result.ServiceVerdict;
import dev.vigil.run.CommandDriver;
import dev.vigil.run.Driver;
import dev.vigil.run.Level;
import dev.vigil.run.Stop;
import dev.vigil.run.UpgradeRun;
import dev.vigil.settings.Durations;
import dev.vigil.simulations.WindowRunner;
import dev.vigil.version.Release;
import java.nio.file.Path;
import java.time.Duration;
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
    header = "An upgrade run: baseline, upgrade, after phase, then a verdict per service.",
    description = {
      "An upgrade run: validators before; the observers' window through a baseline",
      "(before), the upgrade performed by the driver (during) and an after phase;",
      "validators after; clean-up. Then a verdict per service against the former TC",
      "upgrade tags (rolling, zero-downtime, zero-impact, accessible) in result.json",
      "and junit.xml. See docs/run.md."
    })
final class RunCommand implements Callable<Integer> {

  @ParentCommand Vigil vigil;

  @Mixin CloudOption cloudOption;

  @Mixin SettingsOption settingsOption;

  @Mixin InfluxOption influx;

  @Mixin MetricsOption metricsOption;

  @Mixin BalancerOption balancerOption;

  @Option(names = "--services", split = ",", paramLabel = "TYPE", description = "Service types to judge (default: every known one in the catalog).")
  List<String> services;

  @Mixin DriverOptions driverOptions;

  @Option(names = "--before", paramLabel = "D", description = "Baseline before the upgrade (default: phases.before, 60s). Not with --driver external.")
  String before;

  @Option(names = "--after", paramLabel = "D", description = "Measured after the upgrade (default: phases.after, 60s). Not with --driver external.")
  String after;

  @Option(names = "--expect-before", paramLabel = "R", description = "The release every service runs before, e.g. zed or 2023.1.")
  String expectBefore;

  @Option(names = "--expect-after", paramLabel = "R", description = "The release every service must run after (default: the same or newer than before).")
  String expectAfter;

  @Option(names = "--require", paramLabel = "LEVEL", description = "Exit 0 only when every service meets it: rolling, zero-downtime or zero-impact (default: rolling).")
  String require;

  @Option(names = "--load", paramLabel = "R", description = "Background load: R read requests/s spread over the services (default: load.rate, off).")
  String load;

  @Option(names = "--service-logs", paramLabel = "DIR|TYPE=PATTERN",
      description = "Where the services' logs are, to show why each outage's requests failed (their lines carrying each failed request id),"
          + " repeatable: a folder holding <type>*.log (the lab: /var/log/vigil-lab), or TYPE=PATTERN with a glob in the file name"
          + " (image=/var/log/glance/*.log).")
  List<String> serviceLogs;

  @Option(names = "--data-plane", paramLabel = "TARGET", split = ",",
      description = "A workload to probe beside the APIs, repeatable: http(s)://..., tcp://HOST:PORT or swift:CONTAINER/OBJECT.")
  List<String> dataPlane;

  @Option(names = "--no-flows", description = "No availability flows in the window (probes and load only).")
  boolean noFlows;

  @Option(names = "--rate", paramLabel = "R", description = "Uptime requests per second per service and connection kind (default: probe.rate_per_service, 10).")
  String rate;

  @Option(names = "--max-in-flight", paramLabel = "N",
      description = "Uptime probes in flight at most per service and connection kind; at the cap the probe due is held back, not sent, and the stretch is blind time (default: probe.max_in_flight, 10).")
  String maxInFlight;

  @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: <output.dir>/<run id>).")
  Path out;

  @Option(names = "--host-access", paramLabel = "KIND",
      description = "Run read-only commands where the services run (upgrade checks, installed versions): local, template, kolla-ansible or"
          + " openstack-ansible (default: host_access.kind, none). See docs/host-access.md.")
  String hostAccess;

  @Option(names = "--host-inventory", paramLabel = "FILE",
      description = "Kolla-Ansible's inventory or OpenStack-Ansible's openstack_inventory.json for --host-access (default: host_access.inventory).")
  String hostInventory;

  static Duration duration(String option, String text) {
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

  /** The run the options describe, checked before anything touches the cloud: bad input is exit 2 with one line. */
  VigilRun.Builder builder(Driver driver) {
    VigilRun.Builder b = VigilRun.builder().environment(vigil.environment()).terminal(vigil.terminal()).cloud(cloudOption.cloud)
        .settingsFile(settingsOption.config).driver(driver).dataPlane(dataPlane).out(out)
        .serviceLogs(serviceLogs == null ? null : dev.vigil.requestlogs.LogFolder.parse(serviceLogs))
        .require(require == null ? Level.ROLLING : Level.parse(require));
    if (before != null) {
      b.before(duration("--before", before));
    }
    if (after != null) {
      b.after(duration("--after", after));
    }
    if (expectBefore != null) {
      b.expectBefore(release("--expect-before", expectBefore));
    }
    if (expectAfter != null) {
      b.expectAfter(release("--expect-after", expectAfter));
    }
    overrides().forEach(b::setting);
    return b;
  }

  @Override
  public Integer call() throws Exception {
    Terminal terminal = vigil.terminal();
    Driver driver = driverOptions.driver(vigil.environment());
    VigilRun run = builder(driver).build();
    influx.target(run.settings(), vigil.environment()); // --influx-* flags without a URL: one line, before the cloud
    if (driver instanceof CommandDriver c && driverOptions.dryRun) {
      // everything a real run checks before it contacts the cloud, the cloud's own settings included
      CloudConfig cloud = run.cloudConfig();
      c.steps().script().forEach(terminal.out()::println);
      run.hostCommands(run.settings().services()).forEach(terminal.out()::println);
      terminal.out().flush();
      terminal.info("vigil: dry run: options, settings and cloud \"" + cloud.name() + "\" checked; nothing was contacted");
      return ExitCode.OK;
    }
    Stop stop = new Stop();
    UpgradeRun.Finished outcome;
    try (Signals signals = Signals.onInterrupt(() -> {
      terminal.info("vigil: stopping: the run ends cleanly, cleans up and writes what it measured (Ctrl-C again to exit at once)");
      stop.request();
    })) {
      outcome = run.run(stop);
    }
    print(outcome, terminal);
    if (outcome.unsaved() != null) {
      // the verdicts are on the terminal above; what is on disk stays for `vigil report`
      terminal.err().println("vigil: the results were not saved: " + outcome.unsaved());
      terminal.err().flush();
      return ExitCode.CANNOT_RUN;
    }
    return outcome.interrupted() ? ExitCode.INTERRUPTED : outcome.passed() ? ExitCode.OK
        : outcome.inconclusive() ? ExitCode.INCONCLUSIVE : ExitCode.FAILED;
  }

  private static void print(UpgradeRun.Finished outcome, Terminal terminal) {
    var r = outcome.result();
    terminal.out().printf("%-14s %-35s %8s %9s %9s %9s %9s%n", "SERVICE", "RELEASE BEFORE → AFTER", "ROLLING", "ZERO-DT", "ZERO-IMP", "ACCESS",
        "DOWN(d+a)");
    r.verdicts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      ServiceVerdict v = e.getValue();
      var service = r.window().services().get(e.getKey());
      double down = service == null ? 0 : service.phases().entrySet().stream().filter(p -> !"before".equals(p.getKey()))
          .mapToDouble(p -> p.getValue().downtimeSeconds()).sum();
      terminal.out().printf("%-14s %-35s %8s %9s %9s %9s %9s%n", e.getKey(), v.release().before() + " → " + v.release().after(),
          yes(v.verdict().rolling()), yes(v.verdict().zeroDowntime()), yes(v.verdict().zeroImpact()), yes(v.verdict().accessible()),
          service == null ? "-" : String.format(Locale.ROOT, "%.2fs", down));
      v.reasons().stream().filter(x -> x.contains(": NOT met: ") || x.contains(": inconclusive: ")).forEach(x -> terminal.out().println("  " + x));
    });
    var run = r.run();
    if (run.driverError() != null) {
      terminal.out().println("driver " + run.driver() + ": " + run.driverError());
    }
    terminal.out().println((outcome.interrupted() ? "INTERRUPTED" : outcome.passed() ? "PASSED" : outcome.inconclusive() ? "INCONCLUSIVE"
        : "FAILED") + ": every service "
        + (outcome.passed() ? "meets " : "must meet ") + run.require()
        + (outcome.unsaved() == null ? "; result: " + outcome.resultFile() + ", junit: " + outcome.junitFile() : ""));
    WindowRunner.report(outcome.resultFile().getParent()).ifPresent(p -> terminal.out().println("gatling report: " + p.resolve("index.html")));
    terminal.out().flush();
  }

  private static String yes(ServiceVerdict.Answer a) {
    return switch (a) {
      case YES -> "yes";
      case NO -> "NO";
      case INCONCLUSIVE -> "UNKNOWN";
    };
  }

  private Map<String, String> overrides() {
    Map<String, String> o = new HashMap<>();
    if (hostAccess != null) {
      o.put("host_access.kind", hostAccess);
    }
    if (hostInventory != null) {
      o.put("host_access.inventory", hostInventory);
    }
    WatchCommand.requireServices(services);
    if (load != null) {
      o.put("load.rate", load);
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
