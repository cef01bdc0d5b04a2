package dev.vigil.run;

import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series an OpenStack-Ansible clone upgrades to and from, as its own {@code
 * scripts/run-upgrade.sh} declares them ({@code TARGET_SERIES}, {@code SOURCE_SERIES} or {@code
 * SUPPORTED_SOURCE_SERIES}), and whether its steps depend on the source ({@code "${SOURCE_SERIES}" ==}
 * in the script: 2023.1 adds two steps when coming from Yoga).
 */
record OsaSeries(String target, List<String> sources, boolean stepsDependOnSource) {

  private static final Pattern TARGET = Pattern.compile("(?m)^export TARGET_SERIES=\"([^\"]+)\"");
  private static final Pattern SOURCE = Pattern.compile("(?m)^export SOURCE_SERIES=\"([^\"]+)\"");
  private static final Pattern SOURCES = Pattern.compile("(?m)^export SUPPORTED_SOURCE_SERIES=\\(([^)]*)\\)");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  /** The clone's series, or null when it has no run-upgrade.sh that names them. */
  static OsaSeries read(Path clone) {
    Path script = clone.resolve("scripts/run-upgrade.sh");
    if (!Files.isRegularFile(script)) {
      return null;
    }
    String text;
    try {
      text = Files.readString(script);
    } catch (IOException e) {
      throw new VigilException("cannot read " + script + " (" + e.getMessage() + "): its series decide the upgrade's steps");
    }
    Matcher target = TARGET.matcher(text);
    if (!target.find()) {
      return null;
    }
    List<String> sources = new ArrayList<>();
    Matcher one = SOURCE.matcher(text);
    if (one.find()) {
      sources.add(one.group(1));
    }
    Matcher list = SOURCES.matcher(text);
    if (list.find()) {
      Matcher q = QUOTED.matcher(list.group(1)); // 2024.1 writes ("2023.1", "2023.2"), with a comma
      while (q.find()) {
        sources.add(q.group(1));
      }
    }
    return new OsaSeries(target.group(1), List.copyOf(sources), text.contains("\"${SOURCE_SERIES}\" =="));
  }
}
