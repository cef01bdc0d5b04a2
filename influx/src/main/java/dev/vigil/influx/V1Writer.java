package dev.vigil.influx;

import dev.vigil.http.ApiAnswer;
import dev.vigil.http.ApiClient;
import dev.vigil.http.ApiRequest;
import dev.vigil.http.ApiUnreachable;
import dev.vigil.http.Http;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * InfluxDB 1.x's {@code POST /write?db=NAME&precision=ns} (also taken by 1.8+, 2.x's
 * compatibility API and VictoriaMetrics). The user and password go in a Basic authorization
 * header, not the query string, which servers and proxies log.
 */
final class V1Writer implements PointWriter {

  private final InfluxTarget target;
  private final URI write;
  private final ApiClient api;
  private final String authorization;

  V1Writer(InfluxTarget target, Duration timeout) {
    this.target = target;
    String base = target.url().toString().replaceAll("/+$", "");
    this.write = URI.create(base + "/write?db=" + URLEncoder.encode(target.database(), StandardCharsets.UTF_8) + "&precision=ns");
    this.api = new ApiClient(Http.client(timeout), null, timeout);
    this.authorization = target.user() == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((target.user() + ":" + (target.secret() == null ? "" : target.secret().reveal()))
            .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void write(List<String> lines) throws WriteFailure {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/plain; charset=utf-8");
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    byte[] body = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    ApiAnswer response;
    try {
      // Once: the sink keeps a batch that failed and sends it again itself.
      response = api.send(new ApiRequest("POST", write.toString(), headers, body, false, null));
    } catch (ApiUnreachable e) {
      throw new WriteFailure(e.interrupted() ? "interrupted" : e.failure().describe(target.url().toString()), true);
    }
    int status = response.status();
    if (status / 100 == 2) {
      return;
    }
    String error = errorOf(new String(response.body(), StandardCharsets.UTF_8));
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
