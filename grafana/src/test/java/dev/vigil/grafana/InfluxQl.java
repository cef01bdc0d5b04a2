package dev.vigil.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** InfluxDB's v1 /query API, as Grafana's InfluxQL data source calls it (GET, epoch=ms). */
final class InfluxQl {

  /** What one statement returned: the error InfluxDB gave, or its series. */
  record Answer(String error, JsonNode series) {
    int seriesCount() {
      return series == null ? 0 : series.size();
    }

    /** The second column of every row: what a SHOW TAG VALUES gives a Grafana variable. */
    List<String> tagValues() {
      List<String> values = new ArrayList<>();
      if (series != null) {
        for (JsonNode s : series) {
          s.path("values").forEach(row -> values.add(row.path(1).asText()));
        }
      }
      return values;
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String database;

  InfluxQl(URI base, String database) {
    this.base = base;
    this.database = database;
  }

  boolean ping() {
    try {
      HttpRequest request = HttpRequest.newBuilder(base.resolve("/ping")).timeout(Duration.ofSeconds(5)).build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  Answer query(String influxQl) throws IOException, InterruptedException {
    URI uri = base.resolve("/query?db=" + encode(database) + "&epoch=ms&q=" + encode(influxQl));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode body;
    try {
      body = new ObjectMapper().readTree(response.body());
    } catch (IOException e) {
      return new Answer("HTTP " + response.statusCode() + ": " + response.body(), null);
    }
    if (body.hasNonNull("error")) {
      return new Answer(body.get("error").asText(), null);
    }
    JsonNode result = body.path("results").path(0);
    if (result.hasNonNull("error")) {
      return new Answer(result.get("error").asText(), null);
    }
    if (response.statusCode() != 200) {
      return new Answer("HTTP " + response.statusCode() + ": " + response.body(), null);
    }
    return new Answer(null, result.has("series") ? result.get("series") : null);
  }

  /** A statement that changes something (CREATE DATABASE ...): InfluxDB wants those POSTed. */
  void execute(String influxQl) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/query")).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("q=" + encode(influxQl))).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || response.body().contains("\"error\"")) {
      throw new IOException(influxQl + ": HTTP " + response.statusCode() + " " + response.body());
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
