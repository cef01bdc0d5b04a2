package dev.vigil.version;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release of a project's installed version: each project's major version belongs to one
 * series (openstack/releases deliverables/&lt;series&gt;/&lt;project&gt;.yaml), Zed through 2026.1:
 * keystone 22–29, nova 26–33, glance 25–32, cinder and neutron 21–28, placement 8–15; Swift's
 * series follow its minor version, 2.30 (Zed) through 2.37 (2026.1). A version past the table's
 * last (keystone 30, swift 2.38: 2026.2) is newer than 2026.1, one before its first older than Zed.
 * Checked on the labs: Debian 12's nova 26.2.2, keystone 22.0.2, glance 25.1.0, cinder 21.3.1,
 * neutron 21.0.0, placement 8.0.0, swift 2.30.1 (Zed); trixie's nova 31.0.0, keystone 27.0.0,
 * glance 30.0.0, cinder 26.0.0, neutron 26.0.3, placement 13.0.0, swift 2.35.1 (2025.1).
 */
public final class ProjectReleases {

  /** The project's major version (Swift: its minor) in Zed, the table's first release. */
  private static final Map<String, Integer> AT_ZED = Map.of(
      "keystone", 22, "nova", 26, "glance", 25, "cinder", 21, "neutron", 21, "placement", 8, "swift", 30);

  /** {@code 2:26.2.2-1~deb12u5} (Debian, with its epoch), {@code 26.2.2} (RPM, Python), {@code 31.0.0.0rc1}. */
  private static final Pattern VERSION = Pattern.compile("^(?:\\d+:)?(\\d+)\\.(\\d+)");

  private ProjectReleases() {}

  /** The releases an installed version allows; empty when the project or the version is not one Vigil reads. */
  public static Optional<Candidates> of(String project, String version) {
    Integer zed = AT_ZED.get(project);
    Matcher m = VERSION.matcher(version == null ? "" : version.strip());
    if (zed == null || !m.find()) {
      return Optional.empty();
    }
    int number = Integer.parseInt("swift".equals(project) ? m.group(2) : m.group(1));
    if ("swift".equals(project) && !"2".equals(m.group(1))) {
      return Optional.empty();
    }
    int index = number - zed;
    if (index < 0) {
      return Optional.of(new Candidates(java.util.List.of(), true, false));
    }
    if (index >= Release.ALL.size()) {
      return Optional.of(new Candidates(java.util.List.of(), false, true));
    }
    return Optional.of(Candidates.of(Release.ALL.get(index)));
  }

  /** {@code nova 26} or {@code swift 2.30}: the number the release was read from. */
  public static String series(String project, String version) {
    Matcher m = VERSION.matcher(version == null ? "" : version.strip());
    if (!m.find()) {
      return project + " " + version;
    }
    return project + " " + ("swift".equals(project) ? m.group(1) + "." + m.group(2) : m.group(1));
  }
}
