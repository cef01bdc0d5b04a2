package dev.vigil.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.recording.RecordReader;
import dev.vigil.recording.RequestRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query of the dashboards, as Grafana would send it, against the real InfluxDB after a real window on the lab:
 * a watch of Keystone and Glance with the InfluxDB sink on and the lab's HAProxy read, image flows every 10 s, and a
 * 3 s outage of the image API in the middle. A query that InfluxDB refuses, or that returns no series, fails the test: on a dashboard it
 * would be an error or an empty panel.
 */
class DashboardQueriesIT {

  private static final URI INFLUX = URI.create(System.getProperty("vigil.influx.url", "http://127.0.0.1:8086"));
  private static final String DATABASE = "vigil_grafana_test";
  /** The panels' minimum interval: what Grafana's $__interval is over a window this short. */
  private static final String INTERVAL = "1s";

  @TempDir Path dir;

  private VigilCli cli() {
    return new VigilCli(dir);
  }

  @Test
  void everyQueryOfTheDashboardsReturnsSeriesAfterAWindowWithAnOutage() throws Exception {
    InfluxQl influx = new InfluxQl(INFLUX, DATABASE);
    assertThat(influx.ping()).as("InfluxDB answers at " + INFLUX + ": start it with lab/influxdb up (bin/test does)").isTrue();
    influx.execute("CREATE DATABASE \"" + DATABASE + "\"");

    Path out = dir.resolve("run");
    Path config = dir.resolve("vigil.yaml");
    // a flow every 10 s per service, so the flow panels have image flows to show
    Files.writeString(config, "flows:\n  rate: 1/10s\n  grace: 60s\n");
    // --haproxy: the outage's MAINT and the way back are the load balancer's states the dashboard shows
    Process watch = cli().start("watch", "--cloud", "lab", "--config", config.toString(), "--services", "identity,image", "--duration", "45s",
        "--haproxy", "/run/vigil-lab/haproxy.sock",
        "--influx-url", INFLUX.toString(), "--influx-db", DATABASE, "--out", out.toString());
    cli().awaitOutput(watch, "watching", 90);
    Thread.sleep(12_000);
    Process outage = new ProcessBuilder(repository().resolve("lab/upgrade").toString(), "outage", "image", "3")
        .redirectErrorStream(true).redirectOutput(dir.resolve("upgrade.log").toFile()).start();
    assertThat(outage.waitFor(120, TimeUnit.SECONDS)).as("lab/upgrade outage image 3 ends").isTrue();
    assertThat(outage.exitValue()).as(Files.readString(dir.resolve("upgrade.log"))).isZero();
    assertThat(watch.waitFor(180, TimeUnit.SECONDS)).as("vigil watch ends:\n" + cli().output()).isTrue();
    assertThat(watch.exitValue()).as(cli().output()).isZero();

    JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
    String runId = result.path("run_id").asText();
    SeenOutage.check(result.path("services").path("image"), 3);
    long records = countRecords(out);
    awaitPoints(influx, runId, records);

    long from = Instant.parse(result.path("window").path("start").asText()).toEpochMilli() - 5_000;
    long to = Instant.parse(result.path("window").path("end").asText()).toEpochMilli() + 5_000;
    List<DashboardQueries.Outcome> failed = new ArrayList<>();
    for (Path file : GrafanaFolder.influxDashboards()) {
      Dashboard dashboard = Dashboard.read(file);
      for (DashboardQueries.Choice choice : DashboardQueries.Choice.values()) {
        List<DashboardQueries.Outcome> outcomes = new DashboardQueries(influx, dashboard).run(List.of(runId), from, to, INTERVAL, 1000, choice);
        System.out.printf("%s, %s, run %s, variables %s:%n", file.getFileName(), choice, runId, DashboardQueries.values(outcomes));
        for (DashboardQueries.Outcome o : outcomes) {
          System.out.printf("  %-4s %-60s %s%n", o.failed() ? "FAIL" : "ok", o.origin(),
              o.answer().error() != null ? o.answer().error() : o.answer().seriesCount() + " series");
          if (o.failed()) {
            failed.add(o);
          }
        }
        assertThat(DashboardQueries.values(outcomes).get("service")).as("the services of the run").contains("identity", "image");
        outcomes.stream().filter(o -> o.origin().contains("\"Downtime (s)\"")).forEach(o -> checkDowntime(o, result));
      }
    }
    assertThat(failed).as("queries with an error or no series").isEmpty();
  }

  /**
   * The panel sums the live outage events' lengths, by the same uptime rule as result.json: each
   * outage within 0.2 s (the live trackers and the analyzer may place an edge one probe apart).
   */
  private static void checkDowntime(DashboardQueries.Outcome o, JsonNode result) {
    for (JsonNode series : o.answer().series()) {
      String service = series.path("tags").path("service").asText();
      double panel = series.path("values").path(0).path(1).asDouble();
      JsonNode measured = result.path("services").path(service);
      double exact = measured.path("downtime_seconds").asDouble();
      int outages = measured.path("outages").size();
      System.out.printf("  downtime %s: panel %.3f s, result.json %.3f s in %d outage(s)%n", service, panel, exact, outages);
      assertThat(panel).as(service + " downtime on the panel vs result.json " + exact).isCloseTo(exact, org.assertj.core.api.Assertions.within(0.2 * outages + 0.001));
    }
  }

  private static long countRecords(Path out) throws IOException {
    long n = 0;
    try (RecordReader<RequestRecord> records = RecordReader.requests(out)) {
      while (records.hasNext()) {
        records.next();
        n++;
      }
    }
    return n;
  }

  /** The sink is asynchronous: waits until InfluxDB holds a point for every record of the run folder. */
  private static void awaitPoints(InfluxQl influx, String runId, long records) throws Exception {
    String q = "SELECT count(\"latency_ms\") FROM \"vigil_request\" WHERE \"run_id\" = '" + runId + "'";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    long points = 0;
    while (System.nanoTime() < deadline) {
      InfluxQl.Answer a = influx.query(q);
      points = a.seriesCount() == 0 ? 0 : a.series().get(0).path("values").path(0).path(1).asLong();
      if (points >= records) {
        break;
      }
      Thread.sleep(1000);
    }
    assertThat(points).as("vigil_request points of run " + runId + " in InfluxDB").isEqualTo(records);
  }

  private static Path repository() {
    return GrafanaFolder.repository();
  }
}
