package dev.vigil.host;

import dev.vigil.recording.Redaction;
import dev.vigil.settings.HostSettings;
import dev.vigil.settings.HostSettings.Kind;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Requirement 11's host side: the one way Vigil runs a read-only command where a service runs, as
 * the deployment reaches its hosts (docs/host-access.md). Vigil only ever asks it to read (status
 * tools, package versions, logs); every command is written to {@link HostLog}, and a host that
 * cannot be reached, a missing container, a missing tool or a command that hangs is a
 * {@link HostAnswer} with its {@link HostAnswer.Problem}, never an exception.
 */
public final class HostAccess {

  /** What ssh prints when it cannot reach a host or log in (it exits 255, which a status tool also uses for its own errors). */
  private static final Pattern UNREACHABLE = Pattern.compile(
      "(?i)^ssh: |connection (refused|timed out|closed)|could not resolve hostname|no route to host|permission denied \\(|host key verification failed");
  /** docker's, podman's and lxc-attach's words for a container that is not there or not running. */
  private static final Pattern NO_CONTAINER = Pattern.compile(
      "(?i)no such container|no container with name or id|is not running|failed to get init pid|container .* not (found|running)");
  private static final int MAX_LINES = 400;

  private final HostSettings settings;
  private final KollaInventory kolla;
  private final OsaInventory osa;

  private HostAccess(HostSettings settings, KollaInventory kolla, OsaInventory osa) {
    this.settings = settings;
    this.kolla = kolla;
    this.osa = osa;
  }

  /** Reads the inventory the settings name: an unreadable one is bad input, said before anything runs. */
  public static HostAccess of(HostSettings settings) {
    return new HostAccess(settings, settings.kind() == Kind.KOLLA_ANSIBLE ? KollaInventory.read(settings.inventory()) : null,
        settings.kind() == Kind.OPENSTACK_ANSIBLE ? OsaInventory.read(settings.inventory()) : null);
  }

  public boolean enabled() {
    return settings.enabled();
  }

  public HostSettings settings() {
    return settings;
  }

  /** One line: how the hosts are reached. */
  public String describe() {
    return switch (settings.kind()) {
      case NONE -> "none";
      case LOCAL -> "local commands";
      case TEMPLATE -> "template '" + settings.template() + "'";
      case KOLLA_ANSIBLE -> "Kolla-Ansible (" + settings.engine() + " exec, inventory " + kolla.file() + ", remote hosts by '"
          + settings.transport() + "')";
      case OPENSTACK_ANSIBLE -> "OpenStack-Ansible (" + settings.attach() + ", inventory " + osa.file() + ", by '" + settings.transport() + "')";
    };
  }

  /**
   * Where the API part of a service runs.
   *
   * @param none why there is no place, when {@code places} is empty
   */
  public record Places(List<Place> places, String none) {}

  public Places places(String service) {
    var part = ServicePart.of(service);
    List<Place> out = new ArrayList<>();
    switch (settings.kind()) {
      case NONE -> {
        return new Places(List.of(), "host_access is not configured (docs/host-access.md)");
      }
      case LOCAL, TEMPLATE -> {
        for (String h : settings.hosts().getOrDefault(service, List.of("localhost"))) {
          out.add(new Place(service, h, h, null, settings.kind() == Kind.LOCAL));
        }
      }
      case KOLLA_ANSIBLE -> {
        if (part.isEmpty() || part.get().kollaContainer() == null) {
          return new Places(List.of(), "Kolla-Ansible deploys no container Vigil knows for " + service);
        }
        kolla.hosts(part.get().kollaGroup()).forEach(h -> out.add(new Place(service, h.name(), h.address(), part.get().kollaContainer(), h.local())));
        if (out.isEmpty()) {
          return new Places(List.of(), "the inventory " + kolla.file() + " has no host in group " + part.get().kollaGroup());
        }
      }
      case OPENSTACK_ANSIBLE -> {
        if (part.isEmpty()) {
          return new Places(List.of(), "Vigil knows no OpenStack-Ansible group for " + service);
        }
        boolean ssh = settings.attach().equals("ssh");
        for (OsaInventory.Container c : osa.containers(part.get().osaGroup())) {
          out.add(c.metal() ? new Place(service, c.physicalHost(), c.hostAddress(), null, false)
              : ssh ? new Place(service, c.name(), c.address(), c.name(), false)
              : new Place(service, c.physicalHost(), c.hostAddress(), c.name(), false));
        }
        if (out.isEmpty()) {
          return new Places(List.of(), "the inventory " + osa.file() + " has no container in group " + part.get().osaGroup());
        }
      }
    }
    return new Places(List.copyOf(out), null);
  }

  /** The command line that runs {@code command} at {@code place}, as this process starts it. */
  public List<String> argv(Place place, List<String> command) {
    List<String> inner = new ArrayList<>();
    if (settings.kind() == Kind.KOLLA_ANSIBLE) {
      inner.addAll(List.of(settings.engine(), "exec", place.container()));
    } else if (settings.kind() == Kind.OPENSTACK_ANSIBLE && place.container() != null && settings.attach().equals("lxc-attach")) {
      inner.addAll(List.of("lxc-attach", "-n", place.container(), "--"));
    }
    inner.addAll(command);
    if (place.local()) {
      return List.copyOf(inner);
    }
    String template = settings.kind() == Kind.TEMPLATE ? settings.template() : settings.transport();
    String args = inner.stream().map(HostAccess::quote).collect(Collectors.joining(" "));
    String line = template.replace("{host}", quote(place.address())).replace("{service}", quote(place.service()))
        .replace("{container}", quote(place.container() == null ? "" : place.container())).replace("{args}", args)
        .replace("{command}", quote(args));
    return List.of("sh", "-c", line);
  }

  /** {@code argv} as one line, secrets hidden: what the log, the checks' evidence and --dry-run show. */
  public String commandLine(Place place, List<String> command) {
    return Redaction.commandLine(argv(place, command).stream().map(HostAccess::quote).collect(Collectors.joining(" ")));
  }

  /** Runs {@code command} at {@code place} within host_access.timeout and writes it to {@code log}. */
  public HostAnswer run(Place place, List<String> command, HostLog log) {
    Instant start = Instant.now();
    HostAnswer answer = execute(place, command);
    log.write(start, answer);
    return answer;
  }

  private HostAnswer execute(Place place, List<String> command) {
    String shown = commandLine(place, command);
    long t0 = System.nanoTime();
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("vigil-host", ".out");
      err = Files.createTempFile("vigil-host", ".err");
      Process p = new ProcessBuilder(argv(place, command)).redirectInput(new File("/dev/null"))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      boolean ended = p.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!ended) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      List<String> stdout = lines(out);
      List<String> stderr = lines(err);
      if (!ended) {
        return new HostAnswer(place, shown, HostAnswer.Problem.TIMEOUT, null, stdout, stderr, seconds);
      }
      return new HostAnswer(place, shown, classify(place, p.exitValue(), stderr), p.exitValue(), stdout, stderr, seconds);
    } catch (IOException e) {
      return new HostAnswer(place, shown, HostAnswer.Problem.CANNOT_START, null, List.of(), List.of(String.valueOf(e.getMessage())),
          (System.nanoTime() - t0) / 1e9);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HostAnswer(place, shown, HostAnswer.Problem.TIMEOUT, null, List.of(), List.of("interrupted"), (System.nanoTime() - t0) / 1e9);
    } finally {
      delete(out);
      delete(err);
    }
  }

  private static HostAnswer.Problem classify(Place place, int exit, List<String> stderr) {
    if (exit == 0) {
      return HostAnswer.Problem.NONE;
    }
    if (exit == 255 && !place.local() && stderr.stream().anyMatch(l -> UNREACHABLE.matcher(l).find())) {
      return HostAnswer.Problem.UNREACHABLE;
    }
    if (place.container() != null && stderr.stream().anyMatch(l -> NO_CONTAINER.matcher(l).find())) {
      return HostAnswer.Problem.NO_CONTAINER;
    }
    // 127: the shell found no such command; 126: found but cannot run it (docker exec says so too)
    return exit == 127 || exit == 126 ? HostAnswer.Problem.NOT_INSTALLED : HostAnswer.Problem.NONE;
  }

  private static List<String> lines(Path file) throws IOException {
    // not readAllLines: a tool's stray byte that is not UTF-8 must not lose its answer
    List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    List<String> kept = all.size() > MAX_LINES ? all.subList(all.size() - MAX_LINES, all.size()) : all;
    return kept.stream().map(Redaction::outputLine).toList();
  }

  private static void delete(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // a temporary file left in /tmp harms nothing; the answer matters more
    }
  }

  /** {@code word} as one shell word: as it is when nothing in it is special, else in single quotes. */
  static String quote(String word) {
    return word.matches("[A-Za-z0-9_@%+=:,./-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
