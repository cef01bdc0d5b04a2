package dev.vigil.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What Grafana needs of a dashboard that it would not say until someone opens it: unique panel ids, every query bound
 * to the provisioned data source, every variable it uses defined. Returns the problems, one line each.
 */
final class DashboardChecks {

  /** timeseries, state-timeline and the current panel options exist from this schema version on. */
  static final int MIN_SCHEMA_VERSION = 36;

  /** Several runs can be picked at once: one per Vigil host (injector) watching the same upgrade. */
  static final String RUN_FILTER = "\"run_id\" =~ /^${run_id:regex}$/";

  private DashboardChecks() {
  }

  static List<String> problems(Dashboard d, String datasourceUid) {
    List<String> problems = new ArrayList<>();
    JsonNode json = d.json();
    if (json.path("uid").asText().isBlank() || json.path("title").asText().isBlank()) {
      problems.add("no uid or title: Grafana needs a uid for links and provisioning");
    }
    if (json.path("schemaVersion").asInt(0) < MIN_SCHEMA_VERSION) {
      problems.add("schemaVersion " + json.path("schemaVersion").asInt(0) + " is older than " + MIN_SCHEMA_VERSION);
    }
    List<Dashboard.Variable> variables = d.variables();
    Set<String> defined = new HashSet<>();
    for (Dashboard.Variable v : variables) {
      if (v.type().equals("query")) {
        if (v.query().isBlank()) {
          problems.add("variable " + v.name() + " has an empty query");
        }
        // Grafana resolves variables in order: a query may use only those defined before it.
        checkReferences(problems, "variable " + v.name(), v.query(), defined, false);
      }
      if (!defined.add(v.name())) {
        problems.add("variable " + v.name() + " is defined twice");
      }
    }
    for (JsonNode v : json.path("templating").path("list")) {
      if (v.path("type").asText().equals("query")) {
        checkDatasource(problems, "variable " + v.path("name").asText(), v.path("datasource"), datasourceUid);
      }
    }

    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : d.panels()) {
      String where = "panel " + panel.path("id").asText("(no id)") + " \"" + panel.path("title").asText() + "\"";
      if (!panel.path("id").isInt()) {
        problems.add(where + " has no numeric id");
      } else if (!ids.add(panel.path("id").asInt())) {
        problems.add(where + ": id " + panel.path("id").asInt() + " is used twice");
      }
      JsonNode pos = panel.path("gridPos");
      if (pos.path("w").asInt(0) <= 0 || pos.path("h").asInt(0) <= 0 || pos.path("x").asInt(0) + pos.path("w").asInt(0) > 24) {
        problems.add(where + ": gridPos " + pos + " does not fit Grafana's 24 columns");
      }
      checkReferences(problems, where + " title", panel.path("title").asText(), defined, false);
      checkReferences(problems, where + " description", panel.path("description").asText(), defined, false);
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      checkDatasource(problems, where, panel.path("datasource"), datasourceUid);
      if (panel.path("targets").isEmpty()) {
        problems.add(where + " has no query");
      }
      Set<String> refIds = new HashSet<>();
      for (JsonNode target : panel.path("targets")) {
        String t = where + " query " + target.path("refId").asText("(no refId)");
        if (!refIds.add(target.path("refId").asText())) {
          problems.add(t + ": refId used twice in the panel");
        }
        checkDatasource(problems, t, target.path("datasource"), datasourceUid);
        if (!target.path("rawQuery").asBoolean(false)) {
          problems.add(t + " is not a raw InfluxQL query (rawQuery: true): the visual editor's model is not checked");
        }
        checkQuery(problems, t, target.path("query").asText(""), defined);
        checkReferences(problems, t + " alias", target.path("alias").asText(""), defined, true);
      }
    }
    for (JsonNode a : d.annotations()) {
      String where = "annotation \"" + a.path("name").asText() + "\"";
      checkDatasource(problems, where, a.path("datasource"), datasourceUid);
      checkQuery(problems, where, a.path("target").path("query").asText(""), defined);
    }
    return problems;
  }

  private static void checkQuery(List<String> problems, String where, String query, Set<String> defined) {
    if (query.isBlank()) {
      problems.add(where + " is empty");
      return;
    }
    // Without the time filter a query ignores the time picker and reads the whole database.
    if (!query.contains("$timeFilter")) {
      problems.add(where + " has no $timeFilter");
    }
    if (!query.contains(RUN_FILTER)) {
      problems.add(where + " is not limited to the selected runs (" + RUN_FILTER + ")");
    }
    checkReferences(problems, where, query, defined, false);
  }

  private static void checkDatasource(List<String> problems, String where, JsonNode datasource, String uid) {
    if (!datasource.path("uid").asText().equals(uid) || !datasource.path("type").asText().equals("influxdb")) {
      problems.add(where + " uses data source " + datasource + ", not the provisioned {type: influxdb, uid: " + uid + "}");
    }
  }

  private static void checkReferences(List<String> problems, String where, String text, Set<String> defined, boolean alias) {
    for (Templates.Reference ref : Templates.references(text)) {
      String name = ref.name();
      if (!defined.contains(name) && !Templates.BUILT_INS.contains(name) && !(alias && Templates.isAliasName(name))) {
        problems.add(where + " uses $" + name + ", which is not a dashboard variable");
      }
    }
  }
}
