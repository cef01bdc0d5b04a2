package dev.vigil.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML (or JSON) file read into a Jackson tree, plus the line of every key, so that an error found
 * after parsing can still point at {@code file:line}. Jackson's tree forgets locations; a second,
 * streaming pass over the text remembers them.
 */
public final class YamlDocument {

  private static final YAMLMapper MAPPER = new YAMLMapper();
  private static final YAMLFactory FACTORY = MAPPER.getFactory();

  private final Path file;
  private final JsonNode root;
  private final Map<String, Integer> lines;
  private final List<List<String>> duplicateKeys;

  private YamlDocument(
      Path file, JsonNode root, Map<String, Integer> lines, List<List<String>> dups) {
    this.file = file;
    this.root = root;
    this.lines = lines;
    this.duplicateKeys = dups;
  }

  /**
   * Reads and parses {@code file}.
   *
   * @throws VigilException if it cannot be read, or with {@code file:line:column: what} if it is not
   *     valid YAML
   */
  public static YamlDocument read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new VigilException(file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
    }
    return parse(text, file);
  }

  /** Parses {@code text} as if it were the content of {@code file} (which need not exist). */
  public static YamlDocument parse(String text, Path file) {
    JsonNode root;
    Map<String, Integer> lines = new HashMap<>();
    List<List<String>> duplicates = new ArrayList<>();
    try {
      root = MAPPER.readTree(text);
      try (JsonParser parser = FACTORY.createParser(text)) {
        if (parser.nextToken() != null) {
          recordLines(parser, "", lines, duplicates);
        }
      }
    } catch (JsonProcessingException e) {
      throw new VigilException(syntaxError(file, e));
    } catch (IOException e) {
      throw new VigilException(file + ": cannot parse it (" + e.getClass().getSimpleName() + ")");
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      root = null;
    }
    return new YamlDocument(file, root, lines, duplicates);
  }

  public Path file() {
    return file;
  }

  /** The document's top node, or null when the file is empty. */
  public JsonNode root() {
    return root;
  }

  /** Paths of keys that appear twice in one mapping (YAML keeps the last one silently). */
  public List<List<String>> duplicateKeys() {
    return List.copyOf(duplicateKeys);
  }

  /**
   * {@code file:line} of the key at {@code path} (keys and list indexes from the top), or of its
   * nearest ancestor that has one, or just {@code file}.
   */
  public String where(List<String> path) {
    for (int n = path.size(); n > 0; n--) {
      Integer line = lines.get(key(path.subList(0, n)));
      if (line != null) {
        return file + ":" + line;
      }
    }
    return String.valueOf(file);
  }

  public String where(String... path) {
    return where(List.of(path));
  }

  // Keys are joined with a character that cannot be typed into a YAML key by accident, so that
  // cloud names containing dots or slashes stay unambiguous.
  private static String key(List<String> path) {
    return String.join("\u001f", path);
  }

  private static void recordLines(
      JsonParser parser, String prefix, Map<String, Integer> lines, List<List<String>> duplicates)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String path = child(prefix, parser.currentName());
        int line = parser.currentTokenLocation().getLineNr();
        if (lines.putIfAbsent(path, line) != null) {
          duplicates.add(List.of(path.split("\u001f")));
          lines.put(path, line);
        }
        parser.nextToken();
        recordLines(parser, path, lines, duplicates);
      }
    } else if (token == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        String path = child(prefix, Integer.toString(index++));
        lines.put(path, parser.currentTokenLocation().getLineNr());
        recordLines(parser, path, lines, duplicates);
      }
    }
  }

  private static String child(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + '\u001f' + name;
  }

  private static String syntaxError(Path file, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? String.valueOf(file) : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
    // SnakeYAML's messages span several lines: context, the offending text (which may be a
    // password), "in 'reader', line ..", then the problem. Keep only the unindented prose lines.
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    List<String> prose = new ArrayList<>();
    for (String line : message.split("\\R")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        prose.add(line.strip());
      }
    }
    String what = prose.isEmpty() ? "invalid YAML" : String.join(", ", prose);
    return where + ": " + what + " (not valid YAML)";
  }
}
