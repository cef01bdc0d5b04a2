package dev.vigil.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The two ways openstacksdk merges configuration mappings, and its key spelling rule. */
final class Nodes {

  private Nodes() {}

  /**
   * secure.yaml onto clouds.yaml: mappings merge at every depth, anything else is replaced
   * (openstacksdk's {@code _util.merge_clouds}).
   */
  static void mergeDeep(ObjectNode base, JsonNode over) {
    over.fields()
        .forEachRemaining(
            e -> {
              JsonNode old = base.get(e.getKey());
              if (e.getValue().isObject() && old != null && old.isObject()) {
                mergeDeep((ObjectNode) old, e.getValue());
              } else {
                base.set(e.getKey(), e.getValue().deepCopy());
              }
            });
  }

  /**
   * A cloud onto its defaults, profile or region values: keys are replaced, except {@code auth},
   * whose keys are merged one level deep (openstacksdk's {@code _auth_update}).
   */
  static void mergeAuth(ObjectNode base, JsonNode over) {
    over.fields()
        .forEachRemaining(
            e -> {
              JsonNode old = base.get(e.getKey());
              if (e.getKey().equals("auth") && e.getValue().isObject() && old != null
                  && old.isObject()) {
                ((ObjectNode) old).setAll((ObjectNode) e.getValue().deepCopy());
              } else {
                base.set(e.getKey(), e.getValue().deepCopy());
              }
            });
  }

  /**
   * {@code project-name} and {@code project_name} are the same key to openstacksdk
   * ({@code normalize_keys}); this renames dashes to underscores at every depth.
   */
  static void normalizeKeys(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode value = node.get(name);
      if (value.isObject()) {
        normalizeKeys((ObjectNode) value);
      }
      if (name.indexOf('-') >= 0) {
        node.remove(name);
        node.set(name.replace('-', '_'), value);
      }
    }
  }

  /**
   * A scalar as text, as openstacksdk turns numbers into strings; null when absent, null or empty
   * (openstacksdk treats an empty value as not given).
   *
   * @return null, or non-empty text
   * @throws IllegalArgumentException when the value is a list or mapping
   */
  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isContainerNode()) {
      throw new IllegalArgumentException("must be a single value, not a list or mapping");
    }
    String text = node.asText();
    return text.isEmpty() ? null : text;
  }
}
