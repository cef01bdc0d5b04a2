package dev.vigil.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Takes a step's {@link Extract}s from an answer into the flow's variables. In order, one at a time,
 * so that an extract may use what the one before it took (find a network, then its subnet).
 */
final class Extraction {

  private Extraction() {}

  /**
   * Sets each extract's variable in {@code vars}.
   *
   * @return the first extract that found nothing or an empty value (neither it nor the ones after it
   *     set anything), or null when all were found
   */
  static Extract into(Map<String, String> vars, List<Extract> extracts, byte[] body) {
    JsonNode doc = null; // parsed only when an extract reads the body: a template needs no JSON answer
    for (Extract e : extracts) {
      String value;
      if (e.kind() == Extract.Kind.TEMPLATE) {
        value = e.match().render(vars);
      } else {
        if (doc == null) {
          doc = JsonBody.parse(body);
        }
        value = doc == null ? null : find(doc, e, vars);
      }
      if (value == null || value.isEmpty()) {
        return e;
      }
      vars.put(e.var(), value);
    }
    return null;
  }

  /** What was looked for and not found, as a failure detail says it. */
  static String missing(Extract e, Map<String, String> vars) {
    if (e.kind() == Extract.Kind.FIND) {
      return "no element of " + e.pointer() + " with " + e.matchField() + " \"" + e.match().render(vars) + "\"";
    }
    return "no " + e.describe();
  }

  private static String find(JsonNode doc, Extract e, Map<String, String> vars) {
    if (e.kind() == Extract.Kind.POINTER) {
      return JsonBody.scalar(doc.at(e.pointer()));
    }
    String wanted = e.match().render(vars);
    for (JsonNode item : doc.at(e.pointer())) {
      if (wanted.equals(item.path(e.matchField()).asText(null))) {
        return JsonBody.scalar(item.path(e.takeField()));
      }
    }
    return null;
  }
}
