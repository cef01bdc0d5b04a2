package dev.vigil.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /metrics scraped by a real Prometheus (Debian's, started by lab/prometheus) through a real run on
 * the lab whose "upgrade" is a 3 s outage of Glance: the counters equal result.json's, the outage
 * shows in the gauge, every query of the Prometheus dashboard returns series as Grafana would fill
 * it, and /metrics passes promtool.
 */
class PrometheusIT {

  private static final URI PROMETHEUS = URI.create("http://127.0.0.1:9090");
  /** Where lab/prometheus scrapes: its scrape config names this target. */
  private static final String LISTEN = "127.0.0.1:9464";

  @TempDir Path dir;

  private VigilCli cli() {
    return new VigilCli(dir);
  }

  @Test
  void prometheusSeesWhatResultJsonSays() throws Exception {
    PromQl prom = new PromQl(PROMETHEUS);
    assertThat(prom.ready()).as("Prometheus answers at " + PROMETHEUS + ": start it with lab/prometheus up (bin/test does)").isTrue();

    Path out = dir.resolve("run");
    Path config = dir.resolve("vigil.yaml");
    Files.writeString(config, "flows:\n  rate: 1/10s\n  grace: 60s\nmetrics:\n  linger: 10s\n");
    String outage = GrafanaFolder.repository().resolve("lab/upgrade") + " outage image 3";
    Process run = cli().start("run", "--cloud", "lab", "--config", config.toString(), "--services", "identity,image", "--driver", "command",
        "--upgrade-cmd", outage, "--before", "15s", "--after", "15s", "--metrics-listen", LISTEN, "--out", out.toString());
    cli().awaitOutput(run, "vigil: phase before", 180);
    Thread.sleep(3000);
    String text = scrape("text/plain");
    String open = scrape("application/openmetrics-text; version=1.0.0");
    // The verdict is served from this line on, for metrics.linger, with the final counts; after it the endpoint
    // stops and the series go stale. So the panels are asked about an instant inside the linger, once a scrape
    // (every 1 s) has taken the final figures. Asked at the window's end + 10 s, as before, the verdict was not
    // served yet when the checks after the window took longer than 10 s (seen in CI: no verdict series at all).
    cli().awaitOutput(run, "metrics: serving the final figures", 300);
    long to = System.currentTimeMillis() + 3000;
    assertThat(run.waitFor(300, TimeUnit.SECONDS)).as("vigil run ends:\n" + cli().output()).isTrue();
    assertThat(cli().output()).contains("metrics: serving http://" + LISTEN + "/metrics", "metrics: serving the final figures for 10s more");

    // /metrics as the exposition formats say: promtool (Prometheus' text format) and OpenMetrics' terminator
    Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    promtool.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    promtool.getOutputStream().close();
    String lint = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(promtool.waitFor()).as("promtool check metrics:\n" + lint + "\n" + text).isZero();
    assertThat(open).startsWith("# TYPE").endsWith("# EOF\n");

    JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
    String runId = result.path("run_id").asText();
    long from = Instant.parse(result.path("window").path("start").asText()).toEpochMilli() - 5_000;
    awaitScraped(prom, runId, result, to);

    for (String service : List.of("identity", "image")) {
      JsonNode s = result.path("services").path(service);
      assertThat(sum(prom, "vigil_requests_total", runId, service, to)).as(service + " requests").isEqualTo(s.path("requests").asLong());
      assertThat(sum(prom, "vigil_request_failures_total", runId, service, to)).as(service + " failures").isEqualTo(s.path("failures").asLong());
    }
    SeenOutage.check(result.path("services").path("image"), 3);
    PromQl.Answer down = prom.instant("min_over_time(vigil_service_up{run_id=\"" + runId + "\",service=\"image\"}[10m])", to);
    assertThat(down.series()).as("the gauge of image").hasSize(1);
    assertThat(down.series().get(0).path("value").path(1).asDouble()).as("vigil_service_up of image read 0 during its outage").isZero();
    PromQl.Answer verdict = prom.instant("last_over_time(vigil_verdict{run_id=\"" + runId + "\",service=\"image\",criterion=\"zero_downtime\"}[10m])", to);
    assertThat(verdict.series()).extracting(v -> v.path("metric").path("answer").asText())
        .containsExactly(result.path("services").path("image").path("verdict").path("zero_downtime").asText());

    List<String> failed = new ArrayList<>();
    for (Map.Entry<String, PromQl.Answer> q : dashboardQueries(prom, runId, from, to).entrySet()) {
      PromQl.Answer a = q.getValue();
      System.out.printf("  %-4s %-70s %s%n", a.error() != null || a.seriesCount() == 0 ? "FAIL" : "ok", q.getKey(),
          a.error() != null ? a.error() : a.seriesCount() + " series");
      if (a.error() != null || a.seriesCount() == 0) {
        failed.add(q.getKey() + ": " + (a.error() != null ? a.error() : "no series"));
      }
    }
    assertThat(failed).as("dashboard queries with an error or no series").isEmpty();
  }

  /** Each variable, panel query and annotation of the dashboard, with the run picked and All services, as Grafana sends them. */
  private static Map<String, PromQl.Answer> dashboardQueries(PromQl prom, String runId, long from, long to) throws Exception {
    Dashboard d = PrometheusDashboardTest.dashboard();
    Map<String, String> macros = Map.of("__rate_interval", "4s", "__interval", "1s", "__range", (to - from) / 1000 + "s");
    Map<String, Templates.Selection> picked = new LinkedHashMap<>();
    Map<String, PromQl.Answer> answers = new LinkedHashMap<>();
    for (Dashboard.Variable v : d.variables()) {
      String query = Templates.interpolate(v.query(), macros, picked);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("label_values\\((.+), (\\w+)\\)").matcher(query);
      assertThat(m.matches()).as("variable " + v.name() + ": " + query).isTrue();
      PromQl.Answer a = prom.labelValues(m.group(2), m.group(1), from, to);
      answers.put("variable " + v.name(), a);
      List<String> values = new ArrayList<>();
      a.series().forEach(n -> values.add(n.asText()));
      if (v.name().equals("run_id")) {
        assertThat(values).as("the runs Prometheus knows").contains(runId);
        picked.put(v.name(), new Templates.Selection(v, List.of(runId), false));
      } else {
        assertThat(values).as("the services of the run").contains("identity", "image");
        picked.put(v.name(), new Templates.Selection(v, values, true));
      }
    }
    for (JsonNode panel : d.panels()) {
      for (JsonNode t : panel.path("targets")) {
        String expr = Templates.interpolate(t.path("expr").asText(), macros, picked);
        answers.put("panel \"" + panel.path("title").asText() + "\" " + t.path("refId").asText(),
            t.path("instant").asBoolean() ? prom.instant(expr, to) : prom.range(expr, from, to, "1s"));
      }
    }
    for (JsonNode a : d.annotations()) {
      answers.put("annotation " + a.path("name").asText(), prom.range(Templates.interpolate(a.path("expr").asText(), macros, picked), from, to, "1s"));
    }
    return answers;
  }

  private static long sum(PromQl prom, String metric, String runId, String service, long at) throws Exception {
    PromQl.Answer a = prom.instant("sum(last_over_time(" + metric + "{run_id=\"" + runId + "\",service=\"" + service + "\"}[10m]))", at);
    return a.seriesCount() == 0 ? 0 : Math.round(a.series().get(0).path("value").path(1).asDouble());
  }

  /** The last scrape (during the linger) holds the final counts: waits until Prometheus answers with them. */
  private static void awaitScraped(PromQl prom, String runId, JsonNode result, long at) throws Exception {
    long expected = result.path("services").path("image").path("requests").asLong();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long seen = -1;
    while (System.nanoTime() < deadline) {
      seen = sum(prom, "vigil_requests_total", runId, "image", at);
      if (seen == expected) {
        return;
      }
      Thread.sleep(1000);
    }
    assertThat(seen).as("image requests in Prometheus (the final scrape)").isEqualTo(expected);
  }

  private static String scrape(String accept) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + LISTEN + "/metrics"))
        .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

}
