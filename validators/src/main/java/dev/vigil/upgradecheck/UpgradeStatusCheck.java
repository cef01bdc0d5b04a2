package dev.vigil.upgradecheck;

import dev.vigil.VigilException;
import dev.vigil.host.HostAccess;
import dev.vigil.host.HostAnswer;
import dev.vigil.host.HostLog;
import dev.vigil.host.Place;
import dev.vigil.host.ServicePart;
import dev.vigil.lifecycle.Check;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.Phase;
import dev.vigil.lifecycle.RunContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Each project's own readiness check, {@code <project>-status upgrade check}, run where the
 * service runs before and after the upgrade (through {@link HostAccess}; the tools only read).
 * Their exit codes are oslo.upgradecheck's: 0 success, 1 warning (the upgrade may go on, something
 * needs attention), 2 failure, 255 the check itself failed. The pending online data migrations of
 * Nova and Cinder are reported as not read: both tools count them only by migrating (docs/host-access.md).
 */
public final class UpgradeStatusCheck implements Check {

  public static final String NAME = "upgrade-status";
  /** Status tools run at once, at most: fast on many hosts, gentle on a small control plane. */
  static final int AT_ONCE = 4;

  private final HostAccess access;
  private final HostLog log;
  private final List<String> services = new ArrayList<>();
  private final Map<Phase, Map<String, List<HostAnswer>>> answers = new EnumMap<>(Phase.class);
  private final Map<String, String> nowhere = new LinkedHashMap<>();
  private RunContext run;

  public UpgradeStatusCheck(HostAccess access, HostLog log) {
    this.access = access;
    this.log = log;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The command run where a service runs: its status tool on PATH, else in OpenStack-Ansible's newest venv of the project. */
  public static List<String> command(ServicePart part) {
    String tool = part.statusTool();
    String script = "t=$(command -v " + tool + " || ls -t /openstack/venvs/" + part.project() + "-*/bin/" + tool + " 2>/dev/null | head -n 1); "
        + "[ -n \"$t\" ] || { echo \"" + tool + " is not installed here\" >&2; exit 127; }; exec \"$t\" upgrade check";
    return List.of("sh", "-c", script);
  }

  /** What the check would run, one line per place: for --dry-run. */
  public List<String> commandLines(List<String> wanted) {
    List<String> lines = new ArrayList<>();
    for (String service : chosen(wanted)) {
      ServicePart part = ServicePart.of(service).orElseThrow();
      HostAccess.Places places = access.places(service);
      if (places.places().isEmpty()) {
        lines.add(service + ": no upgrade check: " + places.none());
      }
      places.places().forEach(p -> lines.add(p.describe() + ": " + access.commandLine(p, command(part))));
    }
    return lines;
  }

  @Override
  public void prepare(RunContext run) {
    this.run = run;
    services.addAll(chosen(run.services()));
  }

  private static List<String> chosen(List<String> wanted) {
    List<String> all = wanted.isEmpty() ? ServicePart.services() : wanted;
    return all.stream().filter(s -> ServicePart.of(s).map(p -> p.statusTool() != null).orElse(false)).distinct().toList();
  }

  @Override
  public void start(Phase phase) {
    // Every place's check is started at once, at most AT_ONCE at a time: each tool is seconds of a Python
    // start-up on a controller (the release lab's nine: 29 s one after the other, 18 s four at a time). Reported in order.
    Map<String, List<Future<HostAnswer>>> pending = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE, r -> {
      Thread t = new Thread(r, "vigil-upgrade-check");
      t.setDaemon(true);
      return t;
    });
    try {
      for (String service : services) {
        HostAccess.Places places = access.places(service);
        if (places.places().isEmpty()) {
          nowhere.put(service, places.none());
          continue;
        }
        List<String> command = command(ServicePart.of(service).orElseThrow());
        List<Future<HostAnswer>> list = new ArrayList<>();
        for (Place place : places.places()) {
          list.add(pool.submit(() -> access.run(place, command, log)));
        }
        pending.put(service, list);
      }
      Map<String, List<HostAnswer>> found = new LinkedHashMap<>();
      for (Map.Entry<String, List<Future<HostAnswer>>> e : pending.entrySet()) {
        List<HostAnswer> list = new ArrayList<>();
        for (Future<HostAnswer> f : e.getValue()) {
          HostAnswer a = answer(f);
          list.add(a);
          run.progress().accept(NAME + " " + phase.name().toLowerCase(Locale.ROOT) + ": " + a.place().describe() + ": " + line(a));
        }
        found.put(e.getKey(), list);
      }
      answers.put(phase, found);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Each command is bounded by host access's own timeout, so this wait is too. */
  private static HostAnswer answer(Future<HostAnswer> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VigilException("interrupted while the upgrade checks ran");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // the host log could not be written: its own one-line message
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public List<Outcome> evaluate() {
    List<Outcome> outcomes = new ArrayList<>();
    answers.forEach((phase, byService) -> {
      String test = "upgrade check (" + phase.name().toLowerCase(Locale.ROOT) + ")";
      nowhere.forEach((service, why) -> outcomes.add(Outcome.error(NAME, test, service, service + ": no upgrade check run: " + why, List.of())));
      byService.forEach((service, list) -> outcomes.add(judge(test, service, list)));
    });
    if (answers.containsKey(Phase.AFTER)) {
      for (String project : List.of("nova", "cinder")) {
        services.stream().filter(s -> ServicePart.of(s).map(p -> p.project().equals(project)).orElse(false)).findFirst()
            .ifPresent(s -> outcomes.add(Outcome.skipped(NAME, "online data migrations pending (after)", s, project
                + "-manage db online_data_migrations counts the rows it migrates only by migrating them (--max-count must be 1 or more;"
                + " " + project + "/cmd/manage.py DbCommands._run_migration); Vigil never writes to the cloud, so it cannot say what is"
                + " pending: run it yourself after the upgrade, as the project's upgrade guide asks")));
      }
    }
    if (outcomes.isEmpty()) {
      outcomes.add(Outcome.skipped(NAME, "upgrade check", null, "no phase was checked"));
    }
    return outcomes;
  }

  /** One outcome per service and phase: the worst of its hosts, each host's answer in the message. */
  static Outcome judge(String test, String service, List<HostAnswer> list) {
    Outcome.Status worst = Outcome.Status.PASSED;
    List<String> parts = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    for (HostAnswer a : list) {
      Outcome.Status s = status(a);
      worst = rank(s) > rank(worst) ? s : worst;
      parts.add(a.place().host() + ": " + line(a));
      evidence.add(a.place().describe() + ": " + a.command() + " → " + a.summary());
      evidence.addAll(a.output());
      if (!a.answered() || a.exitCode() == 255) {
        evidence.addAll(a.errors().subList(Math.max(0, a.errors().size() - 5), a.errors().size()));
      }
    }
    return new Outcome(NAME, test, service, worst, service + ": " + String.join("; ", parts), evidence);
  }

  static Outcome.Status status(HostAnswer a) {
    if (!a.answered()) {
      return a.problem() == HostAnswer.Problem.NOT_INSTALLED ? Outcome.Status.SKIPPED : Outcome.Status.ERROR;
    }
    return switch (a.exitCode()) {
      case 0, 1 -> Outcome.Status.PASSED;
      case 2 -> Outcome.Status.FAILED;
      default -> Outcome.Status.ERROR;
    };
  }

  /** FAILED over ERROR over SKIPPED over PASSED: a failed check is the strongest evidence, a pass the weakest. */
  private static int rank(Outcome.Status s) {
    return switch (s) {
      case PASSED -> 0;
      case SKIPPED -> 1;
      case ERROR -> 2;
      case FAILED -> 3;
    };
  }

  /** {@code success}, {@code warning: Cells v2: Warning: …}, {@code failure: …}, or the problem. */
  static String line(HostAnswer a) {
    if (!a.answered()) {
      return a.summary();
    }
    String quoted = String.join("; ", StatusReport.notSucceeded(a.output()));
    String tail = quoted.isEmpty() ? "" : ": " + quoted;
    return switch (a.exitCode()) {
      case 0 -> "success (exit 0)";
      case 1 -> "warning (exit 1)" + tail;
      case 2 -> "failure (exit 2)" + tail;
      case 255 -> "the check itself failed (exit 255)" + Optional.of(a.errors()).filter(e -> !e.isEmpty()).map(e -> ": " + e.get(e.size() - 1))
          .orElse("");
      default -> "unexpected exit " + a.exitCode() + tail;
    };
  }
}
