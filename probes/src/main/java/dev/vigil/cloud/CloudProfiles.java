package dev.vigil.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import java.util.function.Function;

/** The vendor profile of clouds-public.yaml that a cloud builds on, if it names one. */
final class CloudProfiles {

  private final Function<String, JsonNode> byName;

  /**
   * @param byName finds a profile of clouds-public.yaml by name, or returns null
   */
  CloudProfiles(Function<String, JsonNode> byName) {
    this.byName = byName;
  }

  /** @return the profile, or null when the cloud names none */
  JsonNode of(ObjectNode entry, CloudOrigin origin) {
    // "cloud:" is the old spelling of "profile:".
    String name = origin.text(entry.has("profile") ? entry.get("profile") : entry.get("cloud"),
        "profile");
    if (name == null || origin.fromEnvironment()) {
      return null;
    }
    JsonNode profile = byName.apply(name);
    if (profile == null) {
      // openstacksdk would fall back to its built-in vendor profiles, which Vigil does not carry.
      throw new VigilException(
          origin.subject() + ": profile \"" + name + "\" is not in any clouds-public.yaml"
              + " (public-clouds: " + name + ":); Vigil does not ship openstacksdk's vendor"
              + " profiles, so write the cloud's auth_url and region_name into clouds.yaml");
    }
    if (!profile.isObject()) {
      throw new VigilException(
          origin.subject() + ": profile \"" + name + "\" in clouds-public.yaml is not a mapping");
    }
    return profile;
  }
}
