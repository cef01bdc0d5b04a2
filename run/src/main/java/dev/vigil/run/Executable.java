package dev.vigil.run;

import dev.vigil.VigilException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The deployment tool a driver runs, checked before the run so that a typo is not a failed upgrade an hour in. */
public final class Executable {

  private Executable() {}

  /**
   * @param given the option's value, or null for {@code name} on PATH
   * @param name the tool's usual name, e.g. {@code kolla-ansible}
   * @param option the option that overrides it, e.g. {@code --kolla-bin}
   * @param path the PATH to search (the variable's value; null when unset)
   * @param workingDir what a relative path is relative to
   * @param install how the tool is usually installed, for the error
   * @return the word to run: {@code given} as written, or {@code name}
   */
  public static String check(String given, String name, String option, String path, Path workingDir, String install) {
    if (given != null && !given.isBlank()) {
      Path file = workingDir.resolve(given.strip());
      if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
        throw new VigilException(option + " " + given.strip() + ": " + (Files.exists(file) ? "not an executable file" : "no such file")
            + ": give the path of your " + name + " (" + install + ")");
      }
      return given.strip();
    }
    if (onPath(name, path, workingDir).isPresent()) {
      return name;
    }
    throw new VigilException(name + " is not on PATH: " + install + ", or give its path with " + option);
  }

  /**
   * The file a shell would run for {@code name}: the first executable file of that name in the
   * directories of {@code path} (an empty entry is the working directory, as for a shell).
   */
  public static Optional<Path> onPath(String name, String path, Path workingDir) {
    if (path != null) {
      for (String dir : path.split(":")) {
        Path file = workingDir.resolve(dir.isEmpty() ? "." : dir).resolve(name);
        if (Files.isRegularFile(file) && Files.isExecutable(file)) {
          return Optional.of(file);
        }
      }
    }
    return Optional.empty();
  }
}
