package dev.vigil.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Grafana dashboard JSON model, read the way Grafana reads it: panels (rows' nested panels too), annotations, variables. */
record Dashboard(String file, JsonNode json) {

  /** One InfluxQL query Grafana would send, and where in the dashboard it comes from. */
  record Query(String origin, String text, Kind kind) {
    enum Kind { PANEL, ANNOTATION, VARIABLE }
  }

  /** A templating variable; {@code allValue} is null when "All" expands to every value. */
  record Variable(String name, String type, String query, boolean multi, boolean includeAll, String allValue) {
  }

  static Dashboard read(Path file) throws IOException {
    return new Dashboard(file.getFileName().toString(), new ObjectMapper().readTree(file.toFile()));
  }

  /** Every panel, including those a collapsed row holds. */
  List<JsonNode> panels() {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode panel : json.path("panels")) {
      all.add(panel);
      panel.path("panels").forEach(all::add);
    }
    return all;
  }

  /** Annotation queries, without Grafana's built-in one (it reads Grafana's own database). */
  List<JsonNode> annotations() {
    List<JsonNode> list = new ArrayList<>();
    for (JsonNode a : json.path("annotations").path("list")) {
      if (a.path("builtIn").asInt(0) != 1) {
        list.add(a);
      }
    }
    return list;
  }

  List<Variable> variables() {
    List<Variable> list = new ArrayList<>();
    for (JsonNode v : json.path("templating").path("list")) {
      JsonNode query = v.path("query");
      String text = query.isTextual() ? query.asText() : query.path("query").asText("");
      JsonNode allValue = v.path("allValue");
      list.add(new Variable(v.path("name").asText(), v.path("type").asText(), text, v.path("multi").asBoolean(false),
          v.path("includeAll").asBoolean(false), allValue.isTextual() && !allValue.asText().isEmpty() ? allValue.asText() : null));
    }
    return list;
  }

  List<Query> queries() {
    List<Query> list = new ArrayList<>();
    for (JsonNode panel : panels()) {
      for (JsonNode target : panel.path("targets")) {
        list.add(new Query("panel " + panel.path("id").asText() + " \"" + panel.path("title").asText() + "\" query "
            + target.path("refId").asText(), target.path("query").asText(target.path("expr").asText("")), Query.Kind.PANEL));
      }
    }
    for (JsonNode a : annotations()) {
      // InfluxDB annotations keep their query in target.query, Prometheus ones in expr
      list.add(new Query("annotation \"" + a.path("name").asText() + "\"", a.path("target").path("query").asText(a.path("expr").asText("")),
          Query.Kind.ANNOTATION));
    }
    for (Variable v : variables()) {
      if (v.type().equals("query")) {
        list.add(new Query("variable " + v.name(), v.query(), Query.Kind.VARIABLE));
      }
    }
    return list;
  }
}
