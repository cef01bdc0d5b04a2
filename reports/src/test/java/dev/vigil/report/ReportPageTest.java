package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import dev.vigil.recording.FlowOutcome;
import dev.vigil.result.ServiceVerdict;
import dev.vigil.result.WindowResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPageTest {

  @TempDir Path dir;

  /** The plot spans x = 130 … 944 for the 100 s window: 8.14 px per second. */
  private static double x(double seconds) {
    return Charts.LEFT + seconds * (Charts.WIDTH - Charts.LEFT - Charts.RIGHT) / 100.0;
  }

  private static Map<String, ServiceVerdict> verdicts() {
    return Map.of("identity", new ServiceVerdict(new ServiceVerdict.Release("zed", "2023.1"),
        new ServiceVerdict.Verdict(ServiceVerdict.Answer.YES, ServiceVerdict.Answer.NO, ServiceVerdict.Answer.NO,
            ServiceVerdict.Answer.YES),
        List.of("rolling: ok: release zed → 2023.1", "zero_downtime: NOT met: 10.00 s of API outage during the upgrade")));
  }

  private String judgedReport() throws Exception {
    SyntheticRun.in(dir).phases()
        .probes("identity", 50, 60, t -> t < 40_000 ? 10 : 30)
        .probes("image", 0, 0, t -> 20)
        .driverStep(45, "<script>alert(1)</script> restarting")
        .flow("identity", 55, FlowOutcome.LOST, "no answer")
        .flow("image", 20, FlowOutcome.HONOURED, "")
        .judged(verdicts(), false);
    Path file = Report.write(dir);
    assertThat(file).isEqualTo(dir.resolve("report.html").toAbsolutePath());
    return Files.readString(file);
  }

  @Test
  void verdictTableShowsEachVerdictOfEachService() throws Exception {
    String html = judgedReport();
    assertThat(html).contains("<p id=\"verdict-summary\" class=\"summary bad\">FAILED: every service must meet zero-downtime</p>");
    String row = between(html, "<tr data-service=\"identity\"><td>identity</td><td>zed → 2023.1</td>", "</tr>");
    assertThat(row)
        .contains("<td class=\"verdict yes\" data-verdict=\"rolling\">yes</td>")
        .contains("<td class=\"verdict no\" data-verdict=\"zero_downtime\">NO</td>")
        .contains("<td class=\"verdict no\" data-verdict=\"zero_impact\">NO</td>")
        .contains("<td class=\"verdict yes\" data-verdict=\"accessible\">yes</td>")
        .contains("10.00 s");
    assertThat(html).contains("<li class=\"bad\">zero_downtime: NOT met: 10.00 s of API outage during the upgrade</li>");
    assertThat(html).contains("driver <b>command</b> <code>upgrade --all &lt;fast&gt;</code>");
    // identity's probes went 10 → 30 ms: a rise of exactly the 20 ms floor, so not slower
    assertThat(between(html, "<tr data-service=\"identity\" data-phase=\"during\">", "</tr>"))
        .contains("<td class=\"\" data-outcome=\"not_slower\">not slower than before (1 kind judged)</td>");
    String outages = between(html, "<details class=\"outages\" data-service=\"identity\">", "</details>");
    // probes every 100 ms, failures answered in 1 ms: each edge is late by at most the gap to the probe before it
    assertThat(outages).contains("<td>00:00:50.001</td><td>00:01:00.000</td><td class=\"num\">10.00 s</td><td class=\"num\">−101 / −100 ms</td>");
  }

  @Test
  void headerNamesTheVigilThatMadeTheFolder() throws Exception {
    SyntheticRun.in(dir).phases().probes("identity", 50, 60, t -> 10).watched();
    assertThat(Files.readString(Report.write(dir))).as("a folder from before the record names no tool").doesNotContain("made-by");
    Files.writeString(dir.resolve("plan.json"),
        "{\"run_id\":\"synthetic\",\"vigil\":{\"version\":\"0.2.0\",\"commit\":\"1a2b3c4\",\"gatling\":\"3.15.1\",\"java\":\"17.0.15+6\"}}");
    assertThat(Files.readString(Report.write(dir)))
        .contains("<p class=\"meta\" id=\"made-by\">made by vigil 0.2.0 (commit 1a2b3c4), Gatling 3.15.1, Java 17.0.15+6</p>");
    Files.writeString(dir.resolve("plan.json"), "{\"run_id\":\"synth");
    assertThat(Files.readString(Report.write(dir))).as("a damaged plan.json costs the label, not the report").doesNotContain("made-by")
        .contains("id=\"verdict\"");
  }

  @Test
  void eachLoadBalancerServerHasItsLaneOfStatesUnderItsService() throws Exception {
    SyntheticRun.in(dir).phases().probes("identity", 200, 200, t -> 10)
        .balancer(0, "identity", "identity", "identity-1", "UP").balancer(0, "identity", "identity", "identity-2", "UP")
        .balancer(0, null, "galera-back", "db-1", "UP")
        .balancer(45, "identity", "identity", "identity-2", "DRAIN").balancer(47, "identity", "identity", "identity-2", "MAINT")
        .balancer(52, "identity", "identity", "identity-2", "DOWN 1/2").balancer(53, "identity", "identity", "identity-2", "UP")
        .watched();
    String html = Files.readString(Report.write(dir));
    String two = between(html, "<g class=\"lb-server\" data-service=\"identity\" data-server=\"identity-2\">", "</g>");
    assertThat(two).contains(">identity-2</text>");
    assertThat(java.util.regex.Pattern.compile("<rect class=\"(lb-[a-z]+)\"[^>]*data-state=\"([^\"]+)\"").matcher(two).results()
        .map(m -> m.group(1) + " " + m.group(2)).toList())
        .containsExactly("lb-up UP", "lb-drain DRAIN", "lb-maint MAINT", "lb-down DOWN 1/2", "lb-up UP");
    assertThat(two).contains("identity/identity-2 DRAIN from 00:00:45.000 to 00:00:47.000 UTC (2.00 s)");
    assertThat(html).contains("data-server=\"identity-1\"").doesNotContain("data-server=\"db-1\"")
        .contains("<span class=\"key lb-drain\"></span>DRAIN");
  }

  @Test
  void outageIsDrawnWhereItHappenedOnTheSharedTimeAxis() throws Exception {
    String html = judgedReport();
    // Probes fail from 50.0 s; the next successful one starts at 60.0 s.
    Matcher m = Pattern.compile("<g class=\"service\" data-service=\"identity\">.*?<rect class=\"outage\" x=\"([0-9.]+)\" y=\"[0-9.]+\""
        + " width=\"([0-9.]+)\"", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("an outage rectangle in identity's lane").isTrue();
    assertThat(Double.parseDouble(m.group(1))).isCloseTo(x(50), org.assertj.core.data.Offset.offset(0.06));
    assertThat(Double.parseDouble(m.group(2))).isCloseTo(x(60) - x(50), org.assertj.core.data.Offset.offset(0.06));
    String image = between(html, "<g class=\"service\" data-service=\"image\">", "</g>");
    assertThat(image).doesNotContain("class=\"outage");
    // The during phase's band: 40 s to 70 s.
    assertThat(html).contains("<g class=\"phase\" data-phase=\"during\"><rect class=\"band phase-during\" x=\"" + Html.num(x(40))
        + "\" y=\"9\" width=\"" + Html.num(x(70) - x(40)) + "\"");
    // The driver step at 45 s and the lost flow at 55 s.
    assertThat(html).contains("<line class=\"step\" x1=\"" + Html.num(x(45)) + "\"");
    assertThat(html).contains("<path class=\"flow lost\" d=\"M" + Html.num(x(55)) + " ");
  }

  @Test
  void latencyChartFollowsTheSlowerDuringPhaseAndShowsFailures() throws Exception {
    String html = judgedReport();
    String identity = between(html, "<svg class=\"chart latency\" data-service=\"identity\"", "</svg>");
    // 100 s window: 1 s columns; 10 ms before 40 s, 30 ms after, none succeeded from 50 to 60 s.
    List<double[]> p50 = points(identity, "p50");
    assertThat(p50).hasSize(90);
    double y10 = LatencyChart.y(10, 2, LatencyChart.TOP + LatencyChart.PLOT);
    double y30 = LatencyChart.y(30, 2, LatencyChart.TOP + LatencyChart.PLOT);
    assertThat(p50.get(0)[1]).isCloseTo(y10, org.assertj.core.data.Offset.offset(0.06));
    assertThat(p50.get(45)[1]).isCloseTo(y30, org.assertj.core.data.Offset.offset(0.06));
    // Two lines, broken by the outage.
    assertThat(identity.split("<polyline class=\"p50\"", -1)).hasSize(3);
    assertThat(identity.split("<rect class=\"failed\"", -1)).hasSize(11);
  }

  @Test
  void textFromTheRunIsEscapedAndThePageFetchesNothing() throws Exception {
    String html = judgedReport();
    assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt; restarting");
    assertThat(html).doesNotContain("<link").doesNotContain(" src=").doesNotContain("@import").doesNotContain("url(");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://").doesNotContain("https://");
  }

  @Test
  void flowsAndValidatorsAreListed() throws Exception {
    String html = judgedReport();
    assertThat(html).contains("<tr data-service=\"identity\" data-flow=\"create-thing\"><td>identity</td><td>create-thing</td>"
        + "<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num bad\">1</td></tr>");
    assertThat(html).contains("<h3 data-check=\"system-health\">system-health <span class=\"bad\">FAILED</span></h3>");
    assertThat(html).contains("identity: validate-token: HTTP 503");
  }

  @Test
  void aJudgedServiceWithoutAnyRequestStillHasItsVerdictRow() throws Exception {
    Map<String, ServiceVerdict> verdicts = new java.util.HashMap<>(verdicts());
    verdicts.put("compute", new ServiceVerdict(new ServiceVerdict.Release("not measured", "not measured"),
        new ServiceVerdict.Verdict(ServiceVerdict.Answer.NO, ServiceVerdict.Answer.NO, ServiceVerdict.Answer.NO,
            ServiceVerdict.Answer.NO), List.of("rolling: NOT met: the window never began")));
    SyntheticRun.in(dir).phases().probes("identity", 50, 60, t -> 10).judged(verdicts, false);
    String html = Files.readString(Report.write(dir));
    assertThat(between(html, "<tr data-service=\"compute\">", "</tr>"))
        .contains("<td class=\"verdict no\" data-verdict=\"rolling\">NO</td>").contains("<td class=\"num\">–</td>");
    assertThat(html).doesNotContain("<g class=\"service\" data-service=\"compute\">");
  }

  @Test
  void eachOutageShowsWhyItsRequestsFailedItsLogLinesEscaped() throws Exception {
    WindowResult w = SyntheticRun.in(dir).probes("identity", 50, 60, t -> 10).watched();
    WindowResult.ServiceResult identity = w.services().get("identity");
    WindowResult.OutageEntry outage = identity.outages().get(0);
    java.time.Instant at = outage.start();
    WindowResult.Why why = new WindowResult.Why(200, 197, List.of(
        new WindowResult.RequestLines("req-11111111-0000-4000-8000-000000000001", at, "probe", "validate-token", "GET", 500, "http_5xx", true,
            List.of("identity-1.log: 2026-01-01 ERROR keystone [None req-11111111-0000-4000-8000-000000000001] <b>db gone</b>")),
        new WindowResult.RequestLines("req-11111111-0000-4000-8000-000000000002", at, "flow", "create", "POST", 503, "http_5xx", false, List.of()),
        new WindowResult.RequestLines("req-11111111-0000-4000-8000-000000000003", at, "load", "list", "GET", 500, "http_5xx", null, List.of())),
        List.of("/var/log/x.log: cannot read (<denied>)"));
    Map<String, WindowResult.ServiceResult> services = new java.util.HashMap<>(w.services());
    services.put("identity", identity.withOutages(List.of(outage.withWhy(why))));
    dev.vigil.result.ResultWriter.write(new WindowResult(w.schema(), w.runId(), w.cloud(), w.window(), w.recording(), w.phases(), services), dir);

    String html = Files.readString(Report.write(dir));

    String row = between(html, "<tr class=\"why\">", "</tr>");
    assertThat(row).contains("200 failed requests, 197 without a request id (answered by the load balancer or refused: they never reached the service)");
    assertThat(between(row, "data-request-id=\"req-11111111-0000-4000-8000-000000000001\">", "</div>"))
        .contains("GET validate-token (probe), status 500, http_5xx at ", "1 log line<pre>identity-1.log: 2026-01-01 ERROR keystone [None "
            + "req-11111111-0000-4000-8000-000000000001] &lt;b&gt;db gone&lt;/b&gt;</pre>");
    assertThat(between(row, "data-request-id=\"req-11111111-0000-4000-8000-000000000002\">", "</div>"))
        .endsWith("no line of the service's logs carries this id</div>");
    assertThat(between(row, "data-request-id=\"req-11111111-0000-4000-8000-000000000003\">", "</div>")).endsWith("logs not searched</div>");
    assertThat(row).contains("<li>/var/log/x.log: cannot read (&lt;denied&gt;)</li>").doesNotContain("<b>");
  }

  @Test
  void aWatchWindowSaysItHasNoVerdict() throws Exception {
    SyntheticRun.in(dir).probes("identity", 50, 60, t -> 10).watched();
    String html = Files.readString(Report.write(dir));
    assertThat(html).contains("No verdict: this is a <code>vigil watch</code> window").doesNotContain("<table class=\"verdicts\"");
    assertThat(html).contains("none marked").contains("<rect class=\"outage\"");
    assertThat(html).contains("No validator ran: <code>vigil watch</code> runs none.");
  }

  @Test
  void aFolderWithoutResultJsonIsReportedFromItsRecords() throws Exception {
    SyntheticRun.in(dir).phases().probes("identity", 50, 60, t -> 10).watched();
    Files.delete(dir.resolve("result.json"));
    String html = Files.readString(Report.write(dir));
    assertThat(html).contains("This folder has no result.json").contains("<rect class=\"outage\"")
        .contains("<td class=\"num bad\">10.00 s</td>");
  }

  @Test
  void notARunFolderIsOneClearError() throws Exception {
    assertThatThrownBy(() -> Report.write(dir.resolve("missing")))
        .isInstanceOf(VigilException.class).hasMessageContaining("No run folder at").hasMessageContaining("--out");
    assertThatThrownBy(() -> Report.write(dir))
        .isInstanceOf(VigilException.class).hasMessageContaining("is not a Vigil run folder: it has neither result.json nor records.tsv");
    Files.writeString(dir.resolve("result.json"), "{\"schema\":\"something/v9\"}");
    assertThatThrownBy(() -> Report.write(dir))
        .isInstanceOf(VigilException.class).hasMessageContaining("has schema \"something/v9\", not vigil.result/v3");
    Files.writeString(dir.resolve("result.json"), "{\"schema\": \"vigil.res");
    assertThatThrownBy(() -> Report.write(dir))
        .isInstanceOf(VigilException.class).hasMessageContaining("result.json").hasMessageContaining("damaged")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aRealRunWithAnOutageShowsItAndItsVerdict() throws Exception {
    Path run = Fixtures.copy("naive-identity", dir);
    String html = Files.readString(Report.write(run));
    assertThat(html).contains("PASSED: every service meets rolling")
        .contains("<td class=\"verdict no\" data-verdict=\"zero_downtime\">NO</td>")
        .contains("data-start=\"2026-11-25T16:49:52.007Z\" data-end=\"2026-11-25T16:49:59.006Z\"")
        .contains("lab/upgrade naive identity")
        .contains("EVENT 2026-11-25T16:49:52.020Z identity identity-1 stopping");
  }

  static String between(String text, String from, String to) {
    int i = text.indexOf(from);
    assertThat(i).as("'" + from + "' in the page").isGreaterThanOrEqualTo(0);
    int j = text.indexOf(to, i + from.length());
    assertThat(j).isGreaterThan(i);
    return text.substring(i, j + to.length());
  }

  private static List<double[]> points(String svg, String line) {
    List<double[]> result = new java.util.ArrayList<>();
    Matcher m = Pattern.compile("<polyline class=\"" + line + "\" points=\"([^\"]+)\"").matcher(svg);
    while (m.find()) {
      for (String p : m.group(1).split(" ")) {
        String[] xy = p.split(",");
        result.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
      }
    }
    return result;
  }

  @Test
  void aSlowerPhaseNamesItsSlowerKindsWithTheirMedians() {
    WindowResult.LatencyChange c = new WindowResult.LatencyChange("before", "slower", List.of(
        new WindowResult.KindChange("probe list-images (new)", "slower", 300, 280, 12.0, 40.5, 1e-9, 0, 0),
        new WindowResult.KindChange("flow create-image", "stalls", 20, 20, 300.0, 310.0, 0.4, 0, 3),
        new WindowResult.KindChange("load list-servers", "not_slower", 500, 500, 20.0, 21.0, 0.2, 1, 1)));
    assertThat(ReportPage.vsBaseline(c)).isEqualTo(
        "slower than before: probe list-images (new) median 12 → 40.5 ms; flow create-image stalls (3 of 20)");
    assertThat(ReportPage.vsBaseline(new WindowResult.LatencyChange("before", null, null))).as("a v2 file's pooled test").isEmpty();
  }
}
