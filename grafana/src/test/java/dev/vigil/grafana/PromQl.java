package dev.vigil.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Prometheus' HTTP API as Grafana's Prometheus data source calls it: instant and range queries, label values. */
final class PromQl {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The API's answer: its series (result), or the error Prometheus gave. */
  record Answer(List<JsonNode> series, String error) {
    int seriesCount() {
      return series.size();
    }
  }

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  PromQl(URI base) {
    this.base = base;
  }

  boolean ready() {
    try {
      return http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  Answer instant(String expr, long atMs) throws Exception {
    return get("/api/v1/query?query=" + enc(expr) + "&time=" + atMs / 1000.0);
  }

  Answer range(String expr, long fromMs, long toMs, String step) throws Exception {
    return get("/api/v1/query_range?query=" + enc(expr) + "&start=" + fromMs / 1000.0 + "&end=" + toMs / 1000.0 + "&step=" + step);
  }

  /** What Grafana's label_values(SELECTOR, LABEL) asks: the label's values among the series matching SELECTOR. */
  Answer labelValues(String label, String selector, long fromMs, long toMs) throws Exception {
    return get("/api/v1/label/" + label + "/values?match[]=" + enc(selector) + "&start=" + fromMs / 1000.0 + "&end=" + toMs / 1000.0);
  }

  private Answer get(String pathAndQuery) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(r.body());
    if (!"success".equals(body.path("status").asText())) {
      return new Answer(List.of(), "HTTP " + r.statusCode() + ": " + body.path("error").asText(r.body()));
    }
    JsonNode data = body.path("data");
    List<JsonNode> series = new ArrayList<>();
    (data.isArray() ? data : data.path("result")).forEach(series::add);
    return new Answer(series, null);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
