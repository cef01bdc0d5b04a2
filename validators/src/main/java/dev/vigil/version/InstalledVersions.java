package dev.vigil.version;

import dev.vigil.host.HostAccess;
import dev.vigil.host.HostAnswer;
import dev.vigil.host.HostLog;
import dev.vigil.host.Place;
import dev.vigil.host.ServicePart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The version of a service's code installed where it runs, read through {@link HostAccess}: the
 * Debian or RPM package when one is installed (Debian, Ubuntu and RDO package the code as
 * {@code python3-<project>}), else the Python distribution in OpenStack-Ansible's newest venv of
 * the project or the {@code python3} on PATH (Kolla's images put their venv there). Read-only:
 * dpkg-query, rpm -q and importlib.metadata only read. The project's major version names the
 * release ({@link ProjectReleases}), which the API's version document often cannot (Keystone's
 * v3.14 is the same in every release).
 */
public final class InstalledVersions {

  private final HostAccess access;
  private final HostLog log;

  public InstalledVersions(HostAccess access, HostLog log) {
    this.access = access;
    this.log = log;
  }

  /** The command that prints one line {@code <dpkg|rpm|python …> <name> <version>}, or exits 3 when none is installed. */
  static List<String> command(ServicePart part) {
    String pkg = part.packageName();
    String dist = part.distribution();
    String script = "s=$(dpkg-query -W -f='${db:Status-Abbrev}${Version}' " + pkg + " 2>/dev/null); case \"$s\" in ii*) echo \"dpkg " + pkg
        + " ${s#ii }\"; exit 0;; esac; "
        + "v=$(rpm -q --qf '%{VERSION}-%{RELEASE}' " + pkg + " 2>/dev/null) && { echo \"rpm " + pkg + " $v\"; exit 0; }; "
        + "for py in $(ls -dt /openstack/venvs/" + part.project() + "-*/bin/python3 2>/dev/null) python3; do "
        + "v=$(\"$py\" -c 'import importlib.metadata as m; print(m.version(\"" + dist + "\"))' 2>/dev/null) && { echo \"python:$py " + dist
        + " $v\"; exit 0; }; done; "
        + "echo \"neither the package " + pkg + " nor the Python distribution " + dist + " is installed\" >&2; exit 3";
    return List.of("sh", "-c", script);
  }

  /** What {@link #read} would run, one line per place: for --dry-run. */
  public List<String> commandLines(String service) {
    Optional<ServicePart> part = ServicePart.of(service);
    HostAccess.Places places = access.places(service);
    if (part.isEmpty() || places.places().isEmpty()) {
      return List.of(service + ": no installed version read: " + (part.isEmpty() ? "Vigil knows no package of " + service : places.none()));
    }
    return places.places().stream().map(p -> p.describe() + ": " + access.commandLine(p, command(part.get()))).toList();
  }

  /**
   * The installed version of {@code service} on each of its hosts, as one reading. Unreadable when
   * any host gave no version: a host not read may run another release, so a part is no answer.
   */
  public ReleaseReading read(String service) {
    Optional<ServicePart> part = ServicePart.of(service);
    if (part.isEmpty()) {
      return unreadable(service, "Vigil knows no package of " + service, List.of());
    }
    HostAccess.Places places = access.places(service);
    if (places.places().isEmpty()) {
      return unreadable(service, places.none(), List.of());
    }
    List<String> evidence = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Candidates all = null;
    List<String> found = new ArrayList<>();
    for (Place place : places.places()) {
      HostAnswer a = access.run(place, command(part.get()), log);
      evidence.add(place.describe() + ": " + a.command() + " → " + a.summary() + (a.output().isEmpty() ? "" : ": " + a.output().get(0)));
      String[] words = a.output().isEmpty() ? new String[0] : a.output().get(0).strip().split("\\s+");
      if (!a.answered() || a.exitCode() != 0 || words.length != 3) {
        problems.add(place.host() + ": " + (a.answered() && a.exitCode() == 3 && !a.errors().isEmpty() ? a.errors().get(a.errors().size() - 1)
            : a.summary()));
        continue;
      }
      String version = words[2];
      Optional<Candidates> release = ProjectReleases.of(part.get().project(), version);
      if (release.isEmpty()) {
        problems.add(place.host() + ": " + words[1] + " " + version + " is no version Vigil can read a release from");
        continue;
      }
      versions.add(version);
      all = all == null ? release.get() : union(all, release.get());
      found.add(place.host() + " " + words[1] + " " + version + " (" + words[0].replaceFirst(":.*", "") + "; "
          + ProjectReleases.series(part.get().project(), version) + ": " + release.get().describe() + ")");
    }
    evidence.add("table: " + part.get().project() + "'s major version per series (openstack/releases deliverables; ProjectReleases)");
    if (!problems.isEmpty()) {
      return unreadable(service, String.join("; ", problems), evidence);
    }
    String value = versions.stream().distinct().collect(Collectors.joining(", "));
    String basis = "installed " + (found.size() == 1 ? found.get(0) : "on " + found.size() + " hosts: " + String.join("; ", found));
    return new ReleaseReading(service, value, all, basis, evidence, null, ReleaseReading.INSTALLED);
  }

  private static ReleaseReading unreadable(String service, String why, List<String> evidence) {
    return new ReleaseReading(service, null, null, "installed version unreadable: " + why, evidence, why, ReleaseReading.INSTALLED);
  }

  /** Hosts on different releases (a rolling upgrade half done) allow each of them: the reading is then ambiguous, as it should be. */
  private static Candidates union(Candidates a, Candidates b) {
    List<Release> both = new ArrayList<>(a.releases());
    both.addAll(b.releases());
    return new Candidates(both, a.older() || b.older(), a.newer() || b.newer());
  }
}
