package dev.vigil.cloud;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Where openstacksdk looks for clouds.yaml, secure.yaml and clouds-public.yaml
 * (openstack/config/loader.py, {@code CONFIG_SEARCH_PATH}), in order:
 *
 * <ol>
 *   <li>the file named by OS_CLIENT_CONFIG_FILE (OS_CLIENT_SECURE_FILE for secure.yaml);
 *   <li>the working directory;
 *   <li>the user's config directory: $XDG_CONFIG_HOME/openstack, else ~/.config/openstack;
 *   <li>~/.config/openstack ($SNAP_REAL_HOME/.config/openstack inside a snap);
 *   <li>the system's XDG directory: $XDG_CONFIG_DIRS/openstack, else /etc/xdg/openstack;
 *   <li>/etc/openstack.
 * </ol>
 *
 * In each directory the names are tried as {@code .yaml}, {@code .yml}, then {@code .json}.
 *
 * @param dirs the directories, in order, without repeats
 * @param cloudsOverride OS_CLIENT_CONFIG_FILE, or null
 * @param secureOverride OS_CLIENT_SECURE_FILE, or null
 */
record SearchPath(List<Path> dirs, Path cloudsOverride, Path secureOverride) {

  private static final List<String> SUFFIXES = List.of(".yaml", ".yml", ".json");

  /**
   * @param etcOpenstack the system directory, normally {@code /etc/openstack}; the XDG system
   *     directory is its sibling {@code ../xdg/openstack} (normally /etc/xdg/openstack) unless
   *     XDG_CONFIG_DIRS says otherwise
   */
  static SearchPath standard(Map<String, String> env, Path cwd, Path home, Path etcOpenstack) {
    LinkedHashSet<Path> dirs = new LinkedHashSet<>();
    dirs.add(cwd);
    String xdgHome = strip(env.get("XDG_CONFIG_HOME"));
    dirs.add(xdgHome != null ? Path.of(xdgHome).resolve("openstack") : configUnder(home));
    String snapHome = strip(env.get("SNAP_REAL_HOME"));
    dirs.add(snapHome != null ? configUnder(Path.of(snapHome)) : configUnder(home));
    // platformdirs joins several XDG_CONFIG_DIRS entries with ':' into one path that cannot
    // exist, so openstacksdk only ever finds a file there when a single directory is given.
    String xdgDirs = strip(env.get("XDG_CONFIG_DIRS"));
    Path etc = etcOpenstack.getParent();
    if (xdgDirs == null) {
      if (etc != null && etcOpenstack.getFileName().toString().equals("openstack")) {
        dirs.add(etc.resolve("xdg").resolve("openstack"));
      }
    } else if (!xdgDirs.contains(":")) {
      dirs.add(Path.of(xdgDirs).resolve("openstack"));
    }
    dirs.add(etcOpenstack);
    return new SearchPath(
        List.copyOf(dirs),
        file(env.get("OS_CLIENT_CONFIG_FILE"), cwd, home),
        file(env.get("OS_CLIENT_SECURE_FILE"), cwd, home));
  }

  List<Path> cloudsFiles() {
    return candidates("clouds", cloudsOverride);
  }

  List<Path> secureFiles() {
    return candidates("secure", secureOverride);
  }

  List<Path> publicCloudsFiles() {
    return candidates("clouds-public", null);
  }

  /** For messages: "$OS_CLIENT_CONFIG_FILE (/x.yaml), then clouds.yaml|.yml|.json in a, b, c". */
  String describeClouds() {
    String dirList = String.join(", ", dirs.stream().map(Path::toString).toList());
    String inDirs = "clouds.yaml|.yml|.json in " + dirList;
    return cloudsOverride == null ? inDirs
        : "OS_CLIENT_CONFIG_FILE (" + cloudsOverride + "), then " + inDirs;
  }

  private List<Path> candidates(String base, Path override) {
    List<Path> files = new ArrayList<>();
    if (override != null) {
      files.add(override);
    }
    for (Path dir : dirs) {
      for (String suffix : SUFFIXES) {
        files.add(dir.resolve(base + suffix));
      }
    }
    return files;
  }

  private static Path configUnder(Path home) {
    return home.resolve(".config").resolve("openstack");
  }

  private static Path file(String value, Path cwd, Path home) {
    String v = strip(value);
    return v == null ? null : cwd.resolve(Paths.expandHome(v, home));
  }

  private static String strip(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
