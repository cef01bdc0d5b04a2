package dev.vigil.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DashboardStructureTest {

  private static final String UPGRADE_WINDOW = "vigil-upgrade-window.json";

  @Test
  void everyDashboardPassesTheChecksAgainstTheProvisionedDataSource() throws Exception {
    String uid = Provisioning.ofRepository().datasourceUid();
    List<Path> files = GrafanaFolder.influxDashboards();
    assertThat(files).extracting(f -> f.getFileName().toString()).contains(UPGRADE_WINDOW);
    for (Path file : files) {
      Dashboard d = Dashboard.read(file);
      assertThat(DashboardChecks.problems(d, uid)).as(file.toString()).isEmpty();
      assertThat(d.queries()).as(file + ": queries").isNotEmpty();
    }
  }

  @Test
  void theUpgradeWindowDashboardHasTheRunServiceAndInjectorVariables() throws Exception {
    List<Dashboard.Variable> variables = upgradeWindow().variables();
    assertThat(variables).extracting(Dashboard.Variable::name).containsExactly("run_id", "service", "injector");
    Dashboard.Variable run = variables.get(0);
    assertThat(run.query()).isEqualTo("SHOW TAG VALUES FROM \"vigil_request\" WITH KEY = \"run_id\"");
    // several runs at once, to merge the hosts that watched one upgrade; never "All" runs of the database
    assertThat(run.multi()).isTrue();
    assertThat(run.includeAll()).isFalse();
    for (Dashboard.Variable v : variables.subList(1, 3)) {
      assertThat(v.multi() && v.includeAll()).as(v.name() + " is multi-value with All").isTrue();
      assertThat(v.query()).contains("WITH KEY = \"" + v.name() + "\"").contains(DashboardChecks.RUN_FILTER);
    }
  }

  @Test
  void theUpgradeWindowDashboardCoversRatesFailuresOutagesLatencyFlowsAndPhases() throws Exception {
    Dashboard d = upgradeWindow();
    assertThat(d.panels()).extracting(p -> p.path("type").asText())
        .contains("stat", "state-timeline", "timeseries", "table", "bargauge");
    List<String> queries = d.queries().stream().map(Dashboard.Query::text).toList();
    assertThat(queries).anySatisfy(q -> assertThat(q).contains("count(\"latency_ms\") * 1000 / $__interval_ms"));
    // booleans cannot be summed in InfluxQL: failures are counted with a filter
    assertThat(queries).anySatisfy(q -> assertThat(q).contains("\"ok\" = false").contains("count("));
    assertThat(queries).anySatisfy(q -> assertThat(q).contains("percentile(\"latency_ms\", 99)"));
    assertThat(queries).anySatisfy(q -> assertThat(q).contains("FROM \"vigil_flow\"").contains("\"outcome\""));
    assertThat(queries).anySatisfy(q -> assertThat(q).contains("outage_(start|end)"));
    // one annotation for the run's own markers, so that a watch (window events only) fills it too
    assertThat(d.annotations()).extracting(a -> a.path("target").path("query").asText())
        .anySatisfy(q -> assertThat(q).contains("\"kind\" =~ /^(window|phase|driver|mark)$/"))
        .anySatisfy(q -> assertThat(q).contains("\"kind\" =~ /^(outage_start|outage_end|blind)$/"));
  }

  @Test
  void aDuplicatePanelIdIsReported() throws Exception {
    assertThat(problemsAfter(json -> ((ObjectNode) panelWithTargets(json)).put("id", 1)))
        .anySatisfy(p -> assertThat(p).contains("id 1 is used twice"));
  }

  @Test
  void aQueryOnAnotherDataSourceIsReported() throws Exception {
    assertThat(problemsAfter(json -> ((ObjectNode) panelWithTargets(json).path("targets").get(0).path("datasource")).put("uid", "other")))
        .anySatisfy(p -> assertThat(p).contains("query A uses data source").contains("not the provisioned"));
  }

  @Test
  void anUndefinedVariableIsReportedWhereverItIsUsed() throws Exception {
    assertThat(problemsAfter(json -> {
      ObjectNode target = (ObjectNode) panelWithTargets(json).path("targets").get(0);
      target.put("query", target.path("query").asText().replace("${run_id:regex}", "${runid:regex}"));
    })).anySatisfy(p -> assertThat(p).contains("uses $runid, which is not a dashboard variable"));
    assertThat(problemsAfter(json -> ((ObjectNode) panelWithTargets(json)).put("title", "Requests of [[region]]")))
        .anySatisfy(p -> assertThat(p).contains("title uses $region"));
    assertThat(problemsAfter(json -> ((ObjectNode) json.path("annotations").path("list").get(1).path("target"))
        .put("query", "SELECT \"text\" FROM \"vigil_event\" WHERE " + DashboardChecks.RUN_FILTER + " AND \"cloud\" = '$cloud' AND $timeFilter")))
        .anySatisfy(p -> assertThat(p).contains("annotation \"Window, phases and upgrade steps\" uses $cloud"));
  }

  @Test
  void aVariableUsedBeforeItIsDefinedOrWithAnEmptyQueryIsReported() throws Exception {
    assertThat(problemsAfter(json -> {
      ArrayNode list = (ArrayNode) json.path("templating").path("list");
      JsonNode run = list.remove(0);
      list.add(run);
    })).anySatisfy(p -> assertThat(p).contains("variable service uses $run_id"));
    assertThat(problemsAfter(json -> ((ObjectNode) json.path("templating").path("list").get(2)).put("query", " ")))
        .anySatisfy(p -> assertThat(p).isEqualTo("variable injector has an empty query"));
  }

  @Test
  void aQueryWithoutTheTimeFilterOrTheRunIsReported() throws Exception {
    assertThat(problemsAfter(json -> {
      ObjectNode target = (ObjectNode) panelWithTargets(json).path("targets").get(0);
      target.put("query", target.path("query").asText().replace(" AND $timeFilter", "").replace(DashboardChecks.RUN_FILTER + " AND ", ""));
    })).anySatisfy(p -> assertThat(p).endsWith("has no $timeFilter"))
        .anySatisfy(p -> assertThat(p).contains("is not limited to the selected runs"));
  }

  private static Dashboard upgradeWindow() throws Exception {
    return Dashboard.read(GrafanaFolder.dir().resolve("dashboards").resolve(UPGRADE_WINDOW));
  }

  private static JsonNode panelWithTargets(JsonNode json) {
    for (JsonNode p : json.path("panels")) {
      if (!p.path("targets").isEmpty()) {
        return p;
      }
    }
    throw new AssertionError("no panel with a query");
  }

  private static List<String> problemsAfter(Consumer<JsonNode> change) throws Exception {
    Dashboard d = upgradeWindow();
    change.accept(d.json());
    return DashboardChecks.problems(d, Provisioning.ofRepository().datasourceUid());
  }
}
