package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.FlowOutcome;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.RunRecorder;
import dev.vigil.recording.Traffic;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder written as a window would, read by the endpoint as it grows, scraped over HTTP. */
class MetricsEndpointTest {

  private static final long T0 = 1_790_000_000_000L;

  @TempDir Path dir;
  private final List<String> said = new ArrayList<>();

  private static RequestRecord probe(long startMs, Connection c, boolean ok) {
    return new RequestRecord(startMs, startMs + 20, "identity", "validate-token", "GET", Traffic.PROBE, c, ok ? 200 : 0,
        ok ? ErrorKind.NONE : ErrorKind.CONNECT, ok, ok ? "req-" + startMs : null);
  }

  /** Probes every 100 ms on both connection kinds from {@code fromMs} (relative) until {@code toMs}. */
  private void probes(long fromMs, long toMs, boolean ok) {
    try (RunRecorder r = RunRecorder.open(dir, RunRecorder.Options.defaults())) {
      for (long t = fromMs; t < toMs; t += 100) {
        r.record(probe(T0 + t, Connection.NEW, ok));
        r.record(probe(T0 + t + 50, Connection.REUSED, ok));
      }
    }
  }

  private void write(java.util.function.Consumer<RunRecorder> rows) {
    try (RunRecorder r = RunRecorder.open(dir, RunRecorder.Options.defaults())) {
      rows.accept(r);
    }
  }

  private static String scrape(int port, String accept) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
        .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private static double value(String page, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)").matcher(page);
    assertThat(m.find()).as(series + " in\n" + page).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static void await(int port, String series, double expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String page = "";
    while (System.nanoTime() < deadline) {
      page = scrape(port, "text/plain");
      if (page.contains(series + " " + expected)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(series + " never read " + expected + ":\n" + page);
  }

  @Test
  void countsAsResultJsonDoesAndShowsTheOutageWhileItLasts() throws Exception {
    write(r -> {
      r.event(EventRecord.windowStart(T0));
      r.event(EventRecord.phase(T0, "before"));
    });
    probes(0, 2000, true);
    MetricsEndpoint endpoint = MetricsEndpoint.start(dir, "run-1", "lab", "127.0.0.1:0", 200, Duration.ZERO, said::add);
    int port = endpoint.port();
    String run = "run_id=\"run-1\",service=\"identity\"";
    await(port, "vigil_service_up{" + run + "}", 1.0);

    write(r -> r.event(EventRecord.phase(T0 + 2000, "during")));
    probes(2000, 4000, false);
    await(port, "vigil_service_up{" + run + "}", 0.0);
    endpoint.inFlight("identity", 3);

    probes(4000, 6000, true);
    write(r -> {
      r.record(RequestRecord.heldBack(T0 + 6000, "identity", "validate-token", "GET", Connection.NEW));
      r.flow(new FlowRecord("identity", "project", "req-f", "id-1", T0 + 100, T0 + 900, FlowOutcome.HONOURED, ""));
      r.event(EventRecord.phase(T0 + 6000, "after"));
      r.event(EventRecord.windowEnd(T0 + 6100));
    });
    Files.writeString(dir.resolve("result.json"), "{\"services\":{\"identity\":{\"verdict\":{\"rolling\":\"yes\",\"zero_downtime\":\"no\"}}}}");
    await(port, "vigil_service_up{" + run + "}", 1.0);
    String live = scrape(port, "application/openmetrics-text; version=1.0.0");
    endpoint.close();

    assertThat(said).singleElement().asString().contains("serving http://127.0.0.1:0/metrics");
    // 10 probes a second per connection kind: 20 each before; during, 20 failed and 20 back up
    assertThat(value(live, "vigil_requests_total{connection=\"new\",phase=\"before\"," + run + ",traffic=\"probe\"}")).isEqualTo(20);
    assertThat(value(live, "vigil_request_failures_total{connection=\"reused\",error=\"connect\",phase=\"during\"," + run + ",traffic=\"probe\"}"))
        .isEqualTo(20);
    assertThat(value(live, "vigil_probes_held_back_total{connection=\"new\"," + run + "}")).isEqualTo(1);
    assertThat(value(live, "vigil_outages_total{" + run + "}")).isEqualTo(1);
    assertThat(value(live, "vigil_downtime_seconds_total{" + run + "}")).isBetween(1.9, 2.1);
    assertThat(value(live, "vigil_probes_in_flight{" + run + "}")).isEqualTo(3);
    assertThat(value(live, "vigil_flows_total{outcome=\"honoured\"," + run + "}")).isEqualTo(1);
    assertThat(value(live, "vigil_phase{phase=\"after\",run_id=\"run-1\"}")).isEqualTo(1);
    assertThat(value(live, "vigil_phase{phase=\"during\",run_id=\"run-1\"}")).isEqualTo(0);
    assertThat(value(live, "vigil_requests_total{connection=\"new\",phase=\"during\"," + run + ",traffic=\"probe\"}")).isEqualTo(40);
    assertThat(value(live, "vigil_request_duration_seconds_count{phase=\"during\"," + run + ",traffic=\"probe\"}")).isEqualTo(80);
    // the failure's exemplar is only there when the service gave a request id: none here
    assertThat(live).doesNotContain("request_id=\"\"").endsWith("# EOF\n");
  }

  @Test
  void theVerdictIsServedOnceTheRunHasJudged() throws Exception {
    write(r -> r.event(EventRecord.windowStart(T0)));
    probes(0, 500, true);
    Files.writeString(dir.resolve("result.json"), "{\"services\":{\"identity\":{\"verdict\":{\"rolling\":\"yes\",\"zero_downtime\":\"inconclusive\"}}}}");
    MetricsEndpoint endpoint = MetricsEndpoint.start(dir, "run-2", "lab", "127.0.0.1:0", 200, Duration.ofSeconds(3), said::add);
    int port = endpoint.port();
    Thread closing = new Thread(endpoint::close);
    closing.start();
    await(port, "vigil_verdict{answer=\"inconclusive\",criterion=\"zero_downtime\",run_id=\"run-2\",service=\"identity\"}", 1.0);
    closing.join();
  }

  @Test
  void aFailedRequestsIdIsItsExemplar() throws Exception {
    write(r -> {
      r.event(EventRecord.windowStart(T0));
      r.record(new RequestRecord(T0, T0 + 30, "identity", "validate-token", "GET", Traffic.PROBE, Connection.NEW, 503,
          ErrorKind.HTTP_5XX, false, "req-abc"));
    });
    MetricsEndpoint endpoint = MetricsEndpoint.start(dir, "run-3", "lab", "127.0.0.1:0", 200, Duration.ZERO, said::add);
    await(endpoint.port(), "vigil_request_failures_total{connection=\"new\",error=\"http_5xx\",phase=\"window\",run_id=\"run-3\",service=\"identity\",traffic=\"probe\"}", 1.0);
    String page = scrape(endpoint.port(), "application/openmetrics-text; version=1.0.0");
    endpoint.close();
    assertThat(page).contains("# {request_id=\"req-abc\"}");
  }

  @Test
  void aTakenPortIsOneLineNamingTheFix() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String listen = "127.0.0.1:" + taken.getLocalPort();
      assertThatThrownBy(() -> MetricsEndpoint.start(dir, "run-4", "lab", listen, 200, Duration.ZERO, said::add))
          .isInstanceOf(VigilException.class)
          .hasMessage("cannot serve /metrics on " + listen + ": the address is in use or not this host's; choose another"
              + " --metrics-listen (metrics.listen), e.g. 127.0.0.1:9465");
    }
  }
}
