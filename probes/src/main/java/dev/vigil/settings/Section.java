package dev.vigil.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.VigilException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One mapping of vigil.yaml (the top level, or {@code probe:}, ...) read key by key. Each getter
 * returns the default when the key is absent, and fails with {@code file:line: key: problem} when
 * it is malformed. Every getter also records its key as known, so that {@link #rejectUnknown()},
 * called last, can name any key nobody asked for: a typo must not silently fall back to a default.
 */
final class Section {

  /** Says where a key came from: {@code file:line}, or the command-line option that set it. */
  interface Locator {
    String where(List<String> path);
  }

  private final List<String> path;
  private final JsonNode node;
  private final Locator locator;
  private final Set<String> known = new LinkedHashSet<>();

  Section(List<String> path, JsonNode node, Locator locator) {
    this.path = List.copyOf(path);
    this.node = node == null || node.isNull() ? null : node;
    this.locator = locator;
    if (this.node != null && !this.node.isObject()) {
      throw new VigilException(
          locator.where(path) + ": " + dotted(path) + " must be a mapping of keys to values");
    }
  }

  /** A nested mapping such as {@code probe:}; absent or empty means all its defaults. */
  Section section(String key) {
    return new Section(append(key), raw(key), locator);
  }

  String string(String key, String fallback) {
    JsonNode value = raw(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isValueNode()) {
      throw error(key, "must be a single value, not a list or mapping");
    }
    String text = value.asText().strip();
    return text.isEmpty() ? fallback : text;
  }

  boolean bool(String key, boolean fallback) {
    JsonNode value = raw(key);
    if (value == null) {
      return fallback;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    throw error(key, "must be true or false, not \"" + value.asText() + "\"");
  }

  int integer(String key, int fallback, int min) {
    JsonNode value = raw(key);
    if (value == null) {
      return fallback;
    }
    if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
      throw error(key, "must be a whole number, not \"" + value.asText() + "\"");
    }
    int n = value.intValue();
    if (n < min) {
      throw error(key, "must be at least " + min + ", not " + n);
    }
    return n;
  }

  /** A number in [min, max]; {@code 20%} is read as 0.20 when percent is allowed. */
  double number(String key, double fallback, double min, double max, boolean percent) {
    JsonNode value = raw(key);
    if (value == null) {
      return fallback;
    }
    double n;
    if (value.isNumber()) {
      n = value.doubleValue();
    } else {
      String text = value.asText().strip();
      boolean isPercent = percent && text.endsWith("%");
      try {
        n = Double.parseDouble(isPercent ? text.substring(0, text.length() - 1).strip() : text);
      } catch (NumberFormatException e) {
        throw error(key, "must be a number" + (percent ? " (or a percentage such as 20%)" : "")
            + ", not \"" + text + "\"");
      }
      if (isPercent) {
        n /= 100;
      }
    }
    if (!(n >= min && n <= max)) {
      throw error(key, "must be between " + plain(min) + " and " + plain(max) + ", not " + plain(n));
    }
    return n;
  }

  private static String plain(double n) {
    return BigDecimal.valueOf(n).stripTrailingZeros().toPlainString();
  }

  Duration duration(String key, Duration fallback, boolean zeroAllowed) {
    Duration d = parsed(key, fallback, Durations::parse);
    if (d != fallback && d.isZero() && !zeroAllowed) {
      throw error(key, "must be more than 0");
    }
    return d;
  }

  /**
   * A rate of at most {@code max} per second: an absurd rate (1e9) must be refused, not tried.
   *
   * @param why why the bound is where it is, for the message
   */
  Rate rate(String key, Rate fallback, boolean zeroAllowed, double max, String why) {
    Rate r = parsed(key, fallback, Rate::parse);
    if (r != fallback && r.isOff() && !zeroAllowed) {
      throw error(key, "must be more than 0");
    }
    if (r.perSecond() > max) {
      throw error(key, r + " is above its bound of " + plain(max) + "/s (" + why + "); give a smaller rate");
    }
    return r;
  }

  <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
    String text = string(key, null);
    if (text == null) {
      return fallback;
    }
    for (E option : type.getEnumConstants()) {
      if (option.name().equalsIgnoreCase(text)) {
        return option;
      }
    }
    throw error(key, "must be one of " + choices(type) + ", not \"" + text + "\"");
  }

  /** A list of strings; a single string counts as a list of one. Absent means the fallback. */
  List<String> strings(String key, List<String> fallback) {
    JsonNode value = raw(key);
    if (value == null) {
      return fallback;
    }
    List<String> out = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (!item.isValueNode() || item.isNull()) {
          throw error(key, "must be a list of names");
        }
        out.add(item.asText().strip());
      }
    } else if (value.isValueNode()) {
      out.add(value.asText().strip());
    } else {
      throw error(key, "must be a list of names, e.g. [compute, network]");
    }
    return List.copyOf(out);
  }

  /** A mapping of names to lists of names, e.g. {@code identity: [identity-1, identity-2]}; absent means empty. */
  java.util.Map<String, List<String>> listsByName(String key) {
    Section inner = section(key);
    java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    if (inner.node != null) {
      for (Iterator<String> names = inner.node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        List<String> values = inner.strings(name, List.of());
        if (values.isEmpty() || values.stream().anyMatch(String::isEmpty)) {
          throw inner.error(name, "names no host; list them, e.g. [ctl1, ctl2]");
        }
        out.put(name, values);
      }
    }
    return out;
  }

  /** Whether the key is present (and marks it known, like every getter). */
  boolean has(String key) {
    return raw(key) != null;
  }

  /** Fails if {@code key} is present: for keys Vigil refuses on purpose, with the reason. */
  void forbid(String key, String why) {
    // Looked up without marking the key known: it must not appear among the valid keys.
    if (node != null && node.has(key)) {
      throw error(key, why);
    }
  }

  /** Builds this section's record, turning a rule it breaks into an error located here. */
  <T> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw new VigilException(locator.where(path) + ": " + e.getMessage());
    }
  }

  VigilException error(String key, String problem) {
    return new VigilException(locator.where(append(key)) + ": " + dotted(append(key)) + " " + problem);
  }

  /** The last call: any key no getter asked for is a mistake. */
  void rejectUnknown() {
    if (node == null) {
      return;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String here = path.isEmpty() ? "at the top level" : "in " + dotted(path);
        String hint = closest(name).map(k -> " (did you mean " + k + "?)").orElse("");
        throw new VigilException(
            locator.where(append(name)) + ": unknown key " + dotted(append(name)) + hint
                + "; valid keys " + here + ": " + String.join(", ", known));
      }
    }
  }

  private <T> T parsed(String key, T fallback, Function<String, T> parser) {
    JsonNode value = raw(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isValueNode()) {
      throw error(key, "must be a single value, not a list or mapping");
    }
    try {
      return parser.apply(value.asText());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw error(key, "is wrong: " + e.getMessage());
    }
  }

  private JsonNode raw(String key) {
    known.add(key);
    if (node == null) {
      return null;
    }
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value;
  }

  private List<String> append(String key) {
    List<String> p = new ArrayList<>(path);
    p.add(key);
    return p;
  }

  private static String dotted(List<String> path) {
    return path.isEmpty() ? "the file" : String.join(".", path);
  }

  private static <E extends Enum<E>> String choices(Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E option : type.getEnumConstants()) {
      names.add(option.name().toLowerCase(Locale.ROOT));
    }
    return String.join(", ", names);
  }

  private Optional<String> closest(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(name.toLowerCase(Locale.ROOT), candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    // Only suggest near misses (a typo or two); anything further is a guess, not a help.
    return bestDistance <= Math.max(2, name.length() / 4) ? Optional.ofNullable(best)
        : Optional.empty();
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
