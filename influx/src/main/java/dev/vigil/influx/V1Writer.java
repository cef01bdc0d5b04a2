package dev.vigil.influx;

import dev.vigil.http.Http;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * InfluxDB 1.x's {@code POST /write?db=NAME&precision=ns} (also taken by 1.8+, 2.x's
 * compatibility API and VictoriaMetrics). The user and password go in a Basic authorization
 * header, not the query string, which servers and proxies log.
 */
final class V1Writer implements PointWriter {

  private final InfluxTarget target;
  private final URI write;
  private final HttpClient http;
  private final String authorization;
  private final Duration timeout;

  V1Writer(InfluxTarget target, Duration timeout) {
    this.target = target;
    this.timeout = timeout;
    String base = target.url().toString().replaceAll("/+$", "");
    this.write = URI.create(base + "/write?db=" + URLEncoder.encode(target.database(), StandardCharsets.UTF_8) + "&precision=ns");
    this.http = Http.client(timeout);
    this.authorization = target.user() == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((target.user() + ":" + (target.secret() == null ? "" : target.secret().reveal()))
            .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void write(List<String> lines) throws WriteFailure {
    HttpRequest.Builder request = HttpRequest.newBuilder(write).timeout(timeout)
        .header("Content-Type", "text/plain; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines), StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new WriteFailure(Http.unreachable(target.url().toString(), e).getMessage(), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WriteFailure("interrupted", true);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    String error = errorOf(response.body());
    throw switch (status) {
      case 404 -> new WriteFailure("InfluxDB at " + target.url() + " answers 404 (" + error + "): create the database (CREATE DATABASE \""
          + target.database() + "\"; lab/influxdb up does) or fix --influx-db / influx.database", true);
      case 401, 403 -> new WriteFailure("InfluxDB at " + target.url() + " refuses the credentials (" + status + " " + error
          + "): check influx.user and the variable influx.password_env names", true);
      case 400 -> new WriteFailure("InfluxDB at " + target.url() + " refused points of the batch (400 " + error + ")", false);
      default -> new WriteFailure("InfluxDB at " + target.url() + " answers " + status + " (" + error + ")", true);
    };
  }

  /** The {@code error} of 1.x's JSON answer, else the start of the body. */
  static String errorOf(String body) {
    if (body == null || body.isBlank()) {
      return "no message";
    }
    String text = body.strip();
    int key = body.indexOf("\"error\"");
    int open = key < 0 ? -1 : body.indexOf('"', body.indexOf(':', key) + 1);
    if (open >= 0) {
      StringBuilder s = new StringBuilder();
      for (int i = open + 1; i < body.length() && body.charAt(i) != '"' && s.length() <= 200; i++) {
        char c = body.charAt(i);
        if (c == '\\' && i + 1 < body.length()) {
          c = body.charAt(++i);
          c = c == 'n' ? ' ' : c;
        }
        s.append(c);
      }
      text = s.toString();
    }
    return text.length() <= 200 ? text : text.substring(0, 197) + "...";
  }
}
