package dev.vigil.health;

import dev.vigil.http.ApiAnswer;
import dev.vigil.http.ApiClient;
import dev.vigil.http.ApiRequest;
import dev.vigil.http.ApiUnreachable;
import dev.vigil.identity.Token;
import dev.vigil.probe.ProbeRequest.TokenUse;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The health smoke's requests: one at a time, never repeated (a smoke step that fails is the
 * finding), with the run's current token, on {@link ApiClient}.
 */
final class HealthApi {

  private final ApiClient api;
  private final Supplier<Token> token;

  HealthApi(HttpClient http, Duration timeout, Supplier<Token> token) {
    this.api = new ApiClient(http, () -> token.get().id().reveal(), timeout);
    this.token = token;
  }

  /** {@code endpoint} joined with a relative {@code path}; an empty path is the endpoint itself. */
  static String url(String endpoint, String path) {
    String base = endpoint.replaceAll("/+$", "");
    return path.isEmpty() ? base : base + "/" + path;
  }

  HealthAnswer send(String method, String url, TokenUse use, String contentType, byte[] body) {
    ApiRequest request = ApiRequest.of(method, url, body, contentType == null ? Map.of() : Map.of("Content-Type", contentType));
    if (use == TokenUse.NONE) {
      request = request.anonymous();
    }
    if (use == TokenUse.AUTH_AND_SUBJECT) {
      request = request.withHeader("X-Subject-Token", token.get().id().reveal());
    }
    long start = System.nanoTime();
    try {
      ApiAnswer answer = api.send(request);
      return new HealthAnswer(answer.status(), answer.body(), null, Duration.ofNanos(answer.tookNanos()));
    } catch (ApiUnreachable e) {
      return new HealthAnswer(0, new byte[0], e.interrupted() ? "interrupted" : e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
