package dev.vigil.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.VigilException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where a cloud's settings came from, to word error messages: a place in clouds.yaml, or the
 * environment. Never holds a value, so nothing secret can leak through it.
 *
 * @param cloud the cloud's name
 * @param where {@code /path/clouds.yaml:12} for a file, null for the environment
 * @param file clouds.yaml, or null for the environment
 * @param secureFile secure.yaml when one was merged in, else null
 * @param variables the OS_* variables the environment cloud was built from
 */
record CloudOrigin(String cloud, String where, Path file, Path secureFile, List<String> variables) {

  static CloudOrigin file(String cloud, String where, Path file, Path secureFile) {
    return new CloudOrigin(cloud, where, file, secureFile, List.of());
  }

  static CloudOrigin env(String cloud, List<String> variables) {
    return new CloudOrigin(cloud, null, null, null, List.copyOf(variables));
  }

  boolean fromEnvironment() {
    return file == null;
  }

  /** The start of every message about this cloud. */
  String subject() {
    if (fromEnvironment()) {
      return "cloud \"" + cloud + "\" (from " + String.join(", ", variables) + ")";
    }
    String secure = secureFile == null ? "" : " (with " + secureFile + ")";
    return where + ": cloud \"" + cloud + "\"" + secure;
  }

  /** How the user writes {@code key}: {@code auth.password} in clouds.yaml, OS_PASSWORD outside. */
  String spell(String key, boolean underAuth) {
    if (fromEnvironment()) {
      return "OS_" + key.toUpperCase(Locale.ROOT);
    }
    return underAuth ? "auth." + key : key;
  }

  /** "add auth.x to the cloud" or "set OS_X". */
  String howToSet(String key, boolean underAuth) {
    return fromEnvironment() ? "set " + spell(key, underAuth) : "add " + spell(key, underAuth);
  }

  /**
   * A setting that must be one value, as text ({@link Nodes#text}); a list or mapping in its place
   * is refused against this cloud, so that every reader of a setting words it the same way.
   */
  String text(JsonNode node, String key) {
    try {
      return Nodes.text(node);
    } catch (IllegalArgumentException e) {
      throw new VigilException(subject() + ": " + key + " " + e.getMessage());
    }
  }
}
