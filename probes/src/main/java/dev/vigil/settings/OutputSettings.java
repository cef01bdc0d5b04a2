package dev.vigil.settings;

import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code output:} where results go.
 *
 * @param dir the directory that receives one sub-directory per run, relative to the working
 *     directory unless absolute [./runs]
 */
public record OutputSettings(Path dir) {

  public OutputSettings {
    Objects.requireNonNull(dir, "dir");
  }

  public static OutputSettings defaults() {
    return new OutputSettings(Path.of("runs"));
  }
}
