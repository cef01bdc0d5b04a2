package dev.vigil.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Prometheus dashboard as Grafana would load it: every query on the provisioned data source, limited to the runs picked. */
class PrometheusDashboardTest {

  static final String RUN_FILTER = "run_id=~\"$run_id\"";
  /** Grafana's Prometheus macros, besides the dashboard's variables. */
  static final Set<String> MACROS = Set.of("__rate_interval", "__range", "__interval");

  static String datasourceUid() throws Exception {
    JsonNode ds = new ObjectMapper(new YAMLFactory()).readTree(GrafanaFolder.prometheusDatasourceFile().toFile()).path("datasources");
    assertThat(ds.size()).as("one data source in " + GrafanaFolder.prometheusDatasourceFile()).isEqualTo(1);
    assertThat(ds.get(0).path("type").asText()).isEqualTo("prometheus");
    return ds.get(0).path("uid").asText();
  }

  static Dashboard dashboard() throws Exception {
    List<Path> files = GrafanaFolder.prometheusDashboards();
    assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("vigil-upgrade-window-prometheus.json");
    return Dashboard.read(files.get(0));
  }

  @Test
  void everyQueryUsesTheProvisionedDataSourceAndTheRunsPicked() throws Exception {
    String uid = datasourceUid();
    Dashboard d = dashboard();
    List<String> problems = new ArrayList<>();
    Set<String> defined = new HashSet<>(MACROS);
    for (Dashboard.Variable v : d.variables()) {
      check(problems, "variable " + v.name(), v.query(), defined, !v.name().equals("run_id"));
      defined.add(v.name());
    }
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : d.panels()) {
      String where = "panel \"" + panel.path("title").asText() + "\"";
      if (!ids.add(panel.path("id").asInt(-1))) {
        problems.add(where + ": id missing or used twice");
      }
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      datasource(problems, where, panel.path("datasource"), uid);
      if (panel.path("targets").isEmpty()) {
        problems.add(where + " has no query");
      }
      for (JsonNode t : panel.path("targets")) {
        datasource(problems, where + " " + t.path("refId").asText(), t.path("datasource"), uid);
        check(problems, where + " " + t.path("refId").asText(), t.path("expr").asText(""), defined, true);
      }
    }
    for (JsonNode a : d.annotations()) {
      datasource(problems, "annotation " + a.path("name").asText(), a.path("datasource"), uid);
      check(problems, "annotation " + a.path("name").asText(), a.path("expr").asText(""), defined, true);
    }
    assertThat(problems).isEmpty();
    assertThat(d.variables()).extracting(Dashboard.Variable::name).containsExactly("run_id", "service");
  }

  @Test
  void theGuideShowsTheScrapeConfigTheLabUses() throws Exception {
    String guide = Files.readString(GrafanaFolder.repository().resolve("docs/prometheus.md"));
    String lab = Files.readString(GrafanaFolder.repository().resolve("lab/prometheus"));
    assertThat(guide).contains("scrape_interval: 1s", "job_name: vigil", "--metrics-listen", "vigil-upgrade-window-prometheus.json");
    assertThat(lab).contains("scrape_interval: 1s", "job_name: vigil");
  }

  private static void check(List<String> problems, String where, String expr, Set<String> defined, boolean mustFilterRuns) {
    if (expr.isBlank()) {
      problems.add(where + " is empty");
      return;
    }
    if (mustFilterRuns && !expr.contains(RUN_FILTER)) {
      problems.add(where + " is not limited to the runs picked (" + RUN_FILTER + "): " + expr);
    }
    for (Templates.Reference ref : Templates.references(expr)) {
      if (!defined.contains(ref.name())) {
        problems.add(where + " uses $" + ref.name() + ", which is neither a variable defined before it nor a macro");
      }
    }
  }

  private static void datasource(List<String> problems, String where, JsonNode ds, String uid) {
    if (!ds.path("type").asText().equals("prometheus") || !ds.path("uid").asText().equals(uid)) {
      problems.add(where + " uses data source " + ds + ", not the provisioned {type: prometheus, uid: " + uid + "}");
    }
  }
}
