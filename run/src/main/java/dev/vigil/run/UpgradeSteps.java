package dev.vigil.run;

import dev.vigil.VigilException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shell command lines a command-based driver runs one after the other, and the folder they run
 * in.
 *
 * @param commands each a {@code bash -c} line; a step that fails ends the sequence
 * @param directory where they run; null for the run's working folder (where vigil was started)
 * @param unset environment variables the steps must not inherit from vigil's environment (what the
 *     deployment tool's own script unsets before it runs them)
 * @param set environment variables the steps run with (a setting the tool reads only from there)
 */
public record UpgradeSteps(List<String> commands, Path directory, List<String> unset, Map<String, String> set) {

  public UpgradeSteps {
    commands = List.copyOf(commands);
    unset = List.copyOf(unset);
    set = Map.copyOf(set);
    if (commands.isEmpty()) {
      throw new IllegalArgumentException("an upgrade has at least one step");
    }
  }

  public UpgradeSteps(List<String> commands, Path directory) {
    this(commands, directory, List.of(), Map.of());
  }

  /** The lines {@code --dry-run} prints: a script that does by hand what the driver would do. */
  public List<String> script() {
    List<String> lines = new ArrayList<>();
    if (directory != null) {
      lines.add("cd " + Shell.quote(directory.toString()));
    }
    if (!unset.isEmpty()) {
      lines.add("unset " + String.join(" ", unset));
    }
    new java.util.TreeMap<>(set).forEach((k, v) -> lines.add("export " + k + "=" + Shell.quote(v)));
    lines.addAll(commands);
    return lines;
  }

  /** {@code --extra-args}: appended to every invocation, so one line; null or blank means none. */
  static String extraArgs(String extra) {
    if (extra == null || extra.isBlank()) {
      return "";
    }
    if (extra.contains("\n") || extra.contains("\r")) {
      throw new VigilException("--extra-args must be one line (it is appended to every playbook run): join the arguments with spaces");
    }
    return " " + extra.strip();
  }
}
