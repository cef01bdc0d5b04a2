package dev.vigil.run;

import java.nio.file.Path;
import java.util.Map;

/**
 * The process environment a command reads its configuration from, passed in rather than read from
 * System so that commands can be run in-process by tests with a cloud of their choosing.
 */
public record Environment(Map<String, String> variables, Path workingDir, Path homeDir, Path etcOpenstackDir) {

  public static Environment system() {
    return new Environment(
        System.getenv(),
        Path.of(System.getProperty("user.dir")),
        Path.of(System.getProperty("user.home")),
        Path.of("/etc/openstack"));
  }
}
