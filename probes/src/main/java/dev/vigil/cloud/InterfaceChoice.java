package dev.vigil.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import java.util.Set;

/** Which of the catalog's endpoints a cloud uses: public (the default), internal or admin. */
final class InterfaceChoice {

  private static final Set<String> INTERFACES = Set.of("public", "internal", "admin");

  private InterfaceChoice() {}

  /**
   * {@code endpoint_type} is the old name of {@code interface}. openstacksdk renames it in key
   * order, and as its defaults put {@code interface} first, {@code endpoint_type} always wins.
   */
  static String choose(ObjectNode config, CloudOrigin origin) {
    String value = origin.text(
        config.has("endpoint_type") ? config.get("endpoint_type") : config.get("interface"),
        "interface");
    if (value == null) {
      return "public";
    }
    // keystoneauth accepts the v2 catalog's spelling too: publicURL is public.
    String name = value.endsWith("URL") ? value.substring(0, value.length() - 3) : value;
    if (!INTERFACES.contains(name)) {
      throw new VigilException(
          origin.subject() + ": interface \"" + value + "\" is not one of public, internal,"
              + " admin; fix " + origin.spell("interface", false));
    }
    return name;
  }
}
