package dev.vigil.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A text with {@code #{name}} placeholders, the same syntax as Gatling's expression language, so a
 * flow reads the same whoever runs it. Parsed once; rendering is a string concatenation. An unknown
 * name is an error, never an empty string: a request to {@code servers/} instead of {@code
 * servers/ID} would list servers instead of reading one.
 */
public final class Template {

  private final String text;
  private final List<String> parts; // literal, name, literal, name, ..., literal

  private Template(String text, List<String> parts) {
    this.text = text;
    this.parts = parts;
  }

  public static Template of(String text) {
    List<String> parts = new ArrayList<>();
    int from = 0;
    while (true) {
      int open = text.indexOf("#{", from);
      if (open < 0) {
        parts.add(text.substring(from));
        return new Template(text, List.copyOf(parts));
      }
      int close = text.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed #{ in template \"" + text + "\"");
      }
      String name = text.substring(open + 2, close).strip();
      if (name.isEmpty()) {
        throw new IllegalArgumentException("empty #{} in template \"" + text + "\"");
      }
      parts.add(text.substring(from, open));
      parts.add(name);
      from = close + 1;
    }
  }

  /** The placeholder names, sorted. */
  public Set<String> names() {
    Set<String> names = new TreeSet<>();
    for (int i = 1; i < parts.size(); i += 2) {
      names.add(parts.get(i));
    }
    return names;
  }

  public String render(Map<String, String> vars) {
    return render(vars, false);
  }

  /** Renders for a JSON string context: the values are escaped, the template's own text is not. */
  public String renderJson(Map<String, String> vars) {
    return render(vars, true);
  }

  private String render(Map<String, String> vars, boolean json) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (i % 2 == 0) {
        out.append(part);
        continue;
      }
      String value = vars.get(part);
      if (value == null) {
        throw new IllegalStateException("no value for #{" + part + "} in \"" + text + "\" (known: " + new TreeSet<>(vars.keySet()) + ")");
      }
      out.append(json ? escapeJson(value) : value);
    }
    return out.toString();
  }

  static String escapeJson(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
