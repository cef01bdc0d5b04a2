package dev.vigil.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import java.util.Set;

/** Which keystoneauth1 plugin a cloud logs in with: one of those Vigil speaks, or an error. */
final class AuthTypeChoice {

  private static final Set<String> SUPPORTED =
      Set.of("password", "v3password", "v3applicationcredential");
  private static final String SUPPORTED_IN_WORDS =
      "password (the default), v3password or v3applicationcredential";

  private AuthTypeChoice() {}

  /**
   * openstacksdk also reads the old key auth_plugin, but its defaults always set auth_type, which
   * wins over it: auth_plugin is in effect ignored, and so it is here.
   */
  static String choose(ObjectNode config, CloudOrigin origin) {
    String name = origin.text(config.get("auth_type"), "auth_type");
    if (name == null || !SUPPORTED.contains(name)) {
      String shown = name == null ? "none" : name;
      throw new VigilException(
          origin.subject() + ": auth_type \"" + shown + "\" is not supported; use "
              + SUPPORTED_IN_WORDS);
    }
    return name;
  }
}
