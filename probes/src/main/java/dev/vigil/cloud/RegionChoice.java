package dev.vigil.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which region a cloud is used in. {@code regions:} (names, or {name, values} mappings) wins over
 * {@code region_name:} (a name, or a deprecated comma-separated list); a cloud that lists none
 * takes its profile's; without a request the first region is used.
 */
final class RegionChoice {

  /**
   * @param values the settings this region overrides, merged over the cloud's
   */
  record Region(String name, JsonNode values) {

    static Region withoutValues(String name) {
      return new Region(name, JsonNodeFactory.instance.objectNode());
    }
  }

  private RegionChoice() {}

  /**
   * @param profile the cloud's vendor profile, or null
   * @param wanted the region asked for, or null for the cloud's first
   * @return null when neither the request nor the cloud names a region
   */
  static Region choose(ObjectNode entry, JsonNode profile, String wanted, CloudOrigin origin) {
    List<Region> known = known(entry, origin);
    if (known.isEmpty() && profile != null) {
      known = known(profile, origin);
    }
    if (wanted == null || wanted.isEmpty()) {
      return known.isEmpty() ? null : known.get(0);
    }
    if (known.isEmpty()) {
      return Region.withoutValues(wanted);
    }
    for (Region r : known) {
      if (r.name().equals(wanted)) {
        return r;
      }
    }
    throw new VigilException(
        origin.subject() + ": region \"" + wanted + "\" is not one of its regions ("
            + String.join(", ", known.stream().map(Region::name).toList())
            + "); region names are case-sensitive");
  }

  private static List<Region> known(JsonNode cloud, CloudOrigin origin) {
    List<Region> regions = new ArrayList<>();
    JsonNode list = cloud.get("regions");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw new VigilException(
            origin.subject() + ": regions must be a list of region names (or of {name:, values:}"
                + " mappings)");
      }
      for (JsonNode item : list) {
        if (item.isObject()) {
          regions.add(mapping(item, origin));
        } else {
          String name = origin.text(item, "regions[]");
          if (name != null) {
            regions.add(Region.withoutValues(name));
          }
        }
      }
      return regions;
    }
    JsonNode regionName = cloud.get("region_name");
    if (regionName != null && regionName.isArray()) {
      // An empty entry names no region: left in, it would be chosen as the first, or crash a lookup.
      for (JsonNode item : regionName) {
        String name = origin.text(item, "region_name");
        if (name != null && !name.isBlank()) {
          regions.add(Region.withoutValues(name.strip()));
        }
      }
      return regions;
    }
    String names = origin.text(regionName, "region_name");
    if (names != null) {
      for (String name : names.split(",")) {
        if (!name.isBlank()) {
          regions.add(Region.withoutValues(name.strip()));
        }
      }
    }
    return regions;
  }

  private static Region mapping(JsonNode item, CloudOrigin origin) {
    String name = origin.text(item.get("name"), "regions[].name");
    JsonNode values = item.path("values");
    if (name == null || item.size() > (item.has("values") ? 2 : 1)
        || !(values.isMissingNode() || values.isObject())) {
      throw new VigilException(
          origin.subject() + ": each entry of regions must be a name, or a mapping with"
              + " name: and optionally values: (a mapping), nothing else");
    }
    return values.isObject() ? new Region(name, values) : Region.withoutValues(name);
  }
}
