package dev.vigil.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How a cloud's certificates are checked.
 *
 * @param verify false when the user switched checking off
 * @param cacert the CA bundle to trust instead of the system's, or null
 */
record TlsOptions(boolean verify, Path cacert) {

  /**
   * {@code insecure: true} wins over everything, then {@code verify} (default true); openstacksdk's
   * cloud_region.py {@code get_requests_verify_args}.
   *
   * @param cwd what a relative cacert is relative to
   * @param home what {@code ~} in cacert stands for
   */
  static TlsOptions read(ObjectNode config, CloudOrigin origin, Path cwd, Path home) {
    boolean insecure = bool(config.get("insecure"), origin, "insecure", false);
    boolean verify = bool(config.get("verify"), origin, "verify", true);
    return new TlsOptions(verify && !insecure, cacert(config, origin, cwd, home));
  }

  private static Path cacert(ObjectNode config, CloudOrigin origin, Path cwd, Path home) {
    String value = origin.text(config.get("cacert"), "cacert");
    if (value == null) {
      return null;
    }
    Path path = cwd.resolve(Paths.expandHome(value, home)).normalize();
    if (!Files.isRegularFile(path)) {
      throw new VigilException(
          origin.subject() + ": cacert file " + path + " not found; fix "
              + origin.spell("cacert", false) + " or remove it to trust the system's CAs");
    }
    return path;
  }

  /**
   * openstacksdk reads only the string "true" (any case) as true for insecure, and takes any
   * non-empty string as true for verify; Vigil refuses anything but true/false instead of guessing.
   */
  private static boolean bool(JsonNode node, CloudOrigin origin, String key, boolean fallback) {
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String text = node.isTextual() ? node.textValue().strip().toLowerCase(Locale.ROOT) : null;
    // From the environment every value is text; in YAML a quoted "false" is text too.
    if ("true".equals(text) && origin.fromEnvironment()) {
      return true;
    }
    if ("false".equals(text) && origin.fromEnvironment()) {
      return false;
    }
    throw new VigilException(
        origin.subject() + ": " + origin.spell(key, false) + " must be true or false"
            + (origin.fromEnvironment() ? "" : " (unquoted)") + ", not \"" + node.asText() + "\"");
  }
}
