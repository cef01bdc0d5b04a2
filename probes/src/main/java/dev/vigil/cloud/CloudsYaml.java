package dev.vigil.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import dev.vigil.settings.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * clouds.yaml with secure.yaml merged in: the first of each found on the {@link SearchPath}, as
 * openstacksdk reads only the first file it finds (a second clouds.yaml further down the path is
 * never looked at).
 *
 * @param file the clouds.yaml read, or null if none was found
 * @param secureFile the secure.yaml merged in, or null
 * @param clouds every cloud by name, secure.yaml values already merged in
 */
record CloudsYaml(
    Path file, YamlDocument doc, Path secureFile, YamlDocument secureDoc, ObjectNode clouds) {

  static CloudsYaml find(SearchPath search) {
    Path file = firstReadable(search.cloudsFiles()).orElse(null);
    Path secureFile = firstReadable(search.secureFiles()).orElse(null);
    YamlDocument doc = file == null ? null : YamlDocument.read(file);
    YamlDocument secureDoc = secureFile == null ? null : YamlDocument.read(secureFile);

    ObjectNode root = JsonNodeFactory.instance.objectNode();
    if (doc != null && doc.root() != null) {
      Nodes.mergeDeep(root, checkedRoot(doc));
    }
    if (secureDoc != null && secureDoc.root() != null) {
      Nodes.mergeDeep(root, checkedRoot(secureDoc));
    }
    ObjectNode clouds = (ObjectNode) root.get("clouds");
    if (clouds == null) {
      clouds = JsonNodeFactory.instance.objectNode();
    }
    CloudsYaml result = new CloudsYaml(file, doc, secureFile, secureDoc, clouds);
    clouds.fields().forEachRemaining(e -> {
      if (!e.getValue().isObject()) {
        throw new VigilException(
            result.where(e.getKey()) + ": cloud \"" + e.getKey() + "\" must be a mapping of"
                + " settings (auth:, region_name:, ...), found a " + kind(e.getValue()));
      }
    });
    return result;
  }

  /** The names of the clouds, in file order. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    clouds.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** {@code file:line} of the cloud's entry, in clouds.yaml or else in secure.yaml. */
  String where(String cloud) {
    YamlDocument in = doc != null && doc.root() != null && doc.root().path("clouds").has(cloud)
        ? doc : secureDoc;
    return in == null ? String.valueOf(file) : in.where("clouds", cloud);
  }

  /**
   * The first file that exists and can be read. openstacksdk also skips a file it may not read
   * (EACCES) and goes on to the next; a file that does not exist is simply not there.
   */
  static Optional<Path> firstReadable(List<Path> candidates) {
    return candidates.stream()
        .filter(p -> Files.isRegularFile(p) && Files.isReadable(p))
        .findFirst();
  }

  // openstacksdk only warns about a file without "clouds:" and then finds no cloud in it, which
  // ends in a puzzling "auth_url missing"; say what is wrong instead.
  private static JsonNode checkedRoot(YamlDocument doc) {
    JsonNode root = doc.root();
    if (!root.isObject()) {
      throw new VigilException(
          doc.file() + ": expected a mapping with a \"clouds:\" key at the top, found a "
              + kind(root) + "; see docs/configuration.md for an example");
    }
    JsonNode clouds = root.get("clouds");
    if (clouds == null || clouds.isNull()) {
      throw new VigilException(
          doc.file() + ": no \"clouds:\" mapping at the top level; put each cloud under"
              + " clouds:, e.g. clouds: {mycloud: {auth: {auth_url: ...}}}");
    }
    if (!clouds.isObject()) {
      throw new VigilException(
          doc.where("clouds") + ": \"clouds:\" must be a mapping of cloud names to settings,"
              + " found a " + kind(clouds));
    }
    return root;
  }

  static String kind(JsonNode node) {
    if (node.isArray()) {
      return "list";
    }
    if (node.isObject()) {
      return "mapping";
    }
    return node.isNull() ? "null" : "single value";
  }
}
