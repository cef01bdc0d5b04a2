package dev.vigil.health;

import dev.vigil.http.Http;
import dev.vigil.identity.Token;
import dev.vigil.probe.ProbeRequest.TokenUse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The little HTTP the health smoke needs: one request at a time with the run's current token. Kept
 * apart from the smoke steps so that it can later become the observers' shared flow plumbing.
 */
final class HealthApi {

  private final HttpClient http;
  private final Duration timeout;
  private final Supplier<Token> token;

  HealthApi(HttpClient http, Duration timeout, Supplier<Token> token) {
    this.http = http;
    this.timeout = timeout;
    this.token = token;
  }

  /** {@code endpoint} joined with a relative {@code path}; an empty path is the endpoint itself. */
  static String url(String endpoint, String path) {
    String base = endpoint.replaceAll("/+$", "");
    return path.isEmpty() ? base : base + "/" + path;
  }

  HealthAnswer send(String method, String url, TokenUse use, String contentType, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json");
    if (use != TokenUse.NONE) {
      String id = token.get().id().reveal();
      b.header("X-Auth-Token", id);
      if (use == TokenUse.AUTH_AND_SUBJECT) {
        b.header("X-Subject-Token", id);
      }
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new HealthAnswer(r.statusCode(), r.body() == null ? new byte[0] : r.body(), null, Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      return new HealthAnswer(0, new byte[0], Http.unreachable(url, e).getMessage(), Duration.ofNanos(System.nanoTime() - start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HealthAnswer(0, new byte[0], "interrupted", Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
