package dev.vigil.grafana;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends InfluxDB every query a dashboard would send for one run, as Grafana would: first the variables' queries in
 * order, each variable then set from its answer, then every panel's and annotation's query with the variables, the
 * time filter and the interval replaced.
 */
final class DashboardQueries {

  /** One query as sent, and what came back. */
  record Outcome(String origin, String sent, InfluxQl.Answer answer) {
    boolean failed() {
      return answer.error() != null || answer.seriesCount() == 0;
    }

    @Override
    public String toString() {
      return origin + ": " + (answer.error() != null ? "error " + answer.error() : answer.seriesCount() + " series") + "\n    " + sent;
    }
  }

  /** How the multi-value variables other than the run are set: each of its values picked, or "All". */
  enum Choice { EVERY_VALUE, ALL }

  private final InfluxQl influx;
  private final Dashboard dashboard;

  DashboardQueries(InfluxQl influx, Dashboard dashboard) {
    this.influx = influx;
    this.dashboard = dashboard;
  }

  /**
   * @param runIds the runs to pick in the run_id variable; each must be among its answer
   * @param fromMs the time range's start, as Grafana's $timeFilter renders it
   * @param interval $__interval, e.g. "10s"
   */
  List<Outcome> run(List<String> runIds, long fromMs, long toMs, String interval, long intervalMs, Choice choice)
      throws IOException, InterruptedException {
    Map<String, String> builtIns = Map.of(
        "timeFilter", "time >= " + fromMs + "ms and time <= " + toMs + "ms",
        "__interval", interval, "interval", interval, "__interval_ms", Long.toString(intervalMs),
        "__from", Long.toString(fromMs), "__to", Long.toString(toMs));
    List<Outcome> outcomes = new ArrayList<>();
    Map<String, Templates.Selection> selections = new HashMap<>();
    for (Dashboard.Variable v : dashboard.variables()) {
      String sent = Templates.interpolate(v.query(), builtIns, selections);
      Outcome outcome = new Outcome("variable " + v.name(), sent, influx.query(sent));
      outcomes.add(outcome);
      List<String> values = outcome.answer().tagValues();
      if (v.name().equals("run_id")) {
        if (!values.containsAll(runIds)) {
          outcomes.add(new Outcome("variable run_id does not offer " + runIds + " among " + values, sent, new InfluxQl.Answer("missing run", null)));
        }
        values = runIds;
      }
      selections.put(v.name(), new Templates.Selection(v, values, choice == Choice.ALL && v.includeAll()));
    }
    for (Dashboard.Query q : dashboard.queries()) {
      if (q.kind() != Dashboard.Query.Kind.VARIABLE) {
        String sent = Templates.interpolate(q.text(), builtIns, selections);
        outcomes.add(new Outcome(q.origin(), sent, influx.query(sent)));
      }
    }
    return outcomes;
  }

  /** The values each variable got, for the test's report. */
  static Map<String, List<String>> values(List<Outcome> outcomes) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Outcome o : outcomes) {
      if (o.origin().startsWith("variable ") && o.answer().error() == null) {
        values.put(o.origin().substring("variable ".length()), o.answer().tagValues());
      }
    }
    return values;
  }
}
