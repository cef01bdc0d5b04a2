package dev.vigil.grafana;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Grafana's template syntax as its InfluxDB data source applies it: {@code $name}, {@code ${name}},
 * {@code ${name:format}} and the deprecated {@code [[name]]}. Grafana itself cannot run here, so the tests replace
 * variables the way it does, to send InfluxDB the queries Grafana would send.
 */
final class Templates {

  /** Grafana's own variable pattern, without the {@code ${name.field}} form no InfluxQL query uses. */
  private static final Pattern REFERENCE = Pattern.compile("\\$(\\w+)|\\[\\[(\\w+)(?::(\\w+))?]]|\\$\\{(\\w+)(?::(\\w+))?}");

  /** Names Grafana or its InfluxDB data source define: the time filter and interval macros, global variables. */
  static final Set<String> BUILT_INS = Set.of("timeFilter", "interval", "__interval", "__interval_ms", "__range", "__range_s",
      "__range_ms", "__from", "__to", "__dashboard", "__org", "__user", "__timezone");

  /** Extra names a target's alias may use: the series' tags, column and measurement. */
  static boolean isAliasName(String name) {
    return name.startsWith("tag_") || name.equals("col") || name.equals("m") || name.equals("measurement");
  }

  /** A variable's current selection: {@code all} means "All" was picked, {@code values} then lists every option. */
  record Selection(Dashboard.Variable variable, List<String> values, boolean all) {
  }

  private Templates() {
  }

  record Reference(String name, String format) {
  }

  static Set<Reference> references(String text) {
    Set<Reference> refs = new LinkedHashSet<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      refs.add(reference(m));
    }
    return refs;
  }

  private static Reference reference(Matcher m) {
    if (m.group(1) != null) {
      return new Reference(m.group(1), null);
    }
    if (m.group(2) != null) {
      return new Reference(m.group(2), m.group(3));
    }
    return new Reference(m.group(4), m.group(5));
  }

  /** Replaces every reference; a name that is neither a built-in nor a selected variable is an error, as Grafana leaves it in the query. */
  static String interpolate(String text, Map<String, String> builtIns, Map<String, Selection> selections) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Reference ref = reference(m);
      String value;
      if (builtIns.containsKey(ref.name())) {
        value = builtIns.get(ref.name());
      } else if (selections.containsKey(ref.name())) {
        value = format(selections.get(ref.name()), ref.format());
      } else {
        throw new IllegalArgumentException("no value for $" + ref.name() + " in: " + text);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String format(Selection s, String format) {
    // Grafana skips formatting of a custom "All" value: it is meant to go into the query as written (e.g. ".*").
    if (s.all() && s.variable().allValue() != null) {
      return s.variable().allValue();
    }
    if (s.values().isEmpty()) {
      throw new IllegalArgumentException("variable " + s.variable().name() + " has no value");
    }
    if ("regex".equals(format)) {
      List<String> escaped = s.values().stream().map(Templates::escapeRegex).toList();
      return escaped.size() == 1 ? escaped.get(0) : "(" + String.join("|", escaped) + ")";
    }
    if (format != null && !format.equals("raw")) {
      throw new IllegalArgumentException("format :" + format + " of $" + s.variable().name() + " is not one the tests replace");
    }
    if ("raw".equals(format)) {
      return String.join(",", s.values());
    }
    // The InfluxDB data source's own formatting (interpolateQueryExpr): a single-value variable as is, with quotes
    // escaped; a multi-value or "All" one as regex alternatives.
    if (!s.variable().multi() && !s.variable().includeAll()) {
      return s.values().get(0).replace("\\", "\\\\").replace("'", "\\'");
    }
    return s.values().stream().map(Templates::escapeRegex).collect(Collectors.joining("|"));
  }

  /** Grafana's escapeRegex. */
  static String escapeRegex(String value) {
    return value.replaceAll("[\\\\^$*+?.()|\\[\\]{}/]", "\\\\$0");
  }
}
