package dev.vigil.cloud;

import java.nio.file.Path;

/** Path spelling shared by clouds.yaml and the environment. */
final class Paths {

  private Paths() {}

  /** {@code ~} and {@code ~/x} mean the home directory, as Python's os.path.expanduser has it. */
  static Path expandHome(String path, Path home) {
    if (path.equals("~")) {
      return home;
    }
    if (path.startsWith("~/")) {
      return home.resolve(path.substring(2));
    }
    return Path.of(path);
  }
}
