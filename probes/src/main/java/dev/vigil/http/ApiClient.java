package dev.vigil.http;

import dev.vigil.cloud.CloudConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one path from Vigil's own code to an API on the JDK client (Gatling and openstack4j have
 * theirs): the cloud's TLS and timeouts, the token header, the user agent, the request id of every
 * answer, one error type for no answer, and tries again only as a {@link RetryPolicy} allows.
 */
public final class ApiClient {

  private final HttpClient http;
  private final Supplier<String> token;
  private final Duration timeout;

  /**
   * @param token the current token id, sent as {@code X-Auth-Token} with authenticated requests and
   *     never recorded; null when no request is authenticated
   * @param timeout a request without its whole answer by then has failed, unless it names its own
   */
  public ApiClient(HttpClient http, Supplier<String> token, Duration timeout) {
    this.http = http;
    this.token = token;
    this.timeout = timeout;
  }

  /** A client for a cloud: TLS as its clouds.yaml says, connections given up after 10 s. */
  public static ApiClient of(CloudConfig cloud, Supplier<String> token, Duration timeout) {
    return new ApiClient(Http.client(cloud, Duration.ofSeconds(10)), token, timeout);
  }

  public Duration timeout() {
    return timeout;
  }

  /** The same client with another token (a run's non-admin user beside its checker). */
  public ApiClient withToken(Supplier<String> other) {
    return new ApiClient(http, other, timeout);
  }

  /** One try. @throws ApiUnreachable when no answer came */
  public ApiAnswer send(ApiRequest request) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(request.url()))
        .timeout(request.timeout() == null ? timeout : request.timeout())
        .header("User-Agent", "vigil");
    request.headers().forEach(b::header);
    if (request.authenticated() && token != null) {
      b.header("X-Auth-Token", token.get());
    }
    b.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new ApiAnswer(r.statusCode(), r.headers(), r.body(), start, System.nanoTime() - start);
    } catch (IOException e) {
      throw ApiUnreachable.of(request.url(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiUnreachable.interrupted(request.method(), request.url());
    }
  }

  /**
   * Tries until an answer the policy keeps, or its patience is spent: then the last answer, or the
   * last failure thrown.
   *
   * @throws ApiUnreachable when the last try got no answer, or the thread was interrupted
   */
  public ApiAnswer send(ApiRequest request, RetryPolicy policy) {
    long deadline = System.nanoTime() + policy.patience().toNanos();
    for (int failed = 1; ; failed++) {
      long pause = policy.pause(failed).toNanos();
      try {
        ApiAnswer answer = send(request);
        if (!policy.retries(request, answer) || System.nanoTime() + pause > deadline) {
          return answer;
        }
      } catch (ApiUnreachable e) {
        if (!policy.retries(request, e) || System.nanoTime() + pause > deadline) {
          throw e;
        }
      }
      sleep(pause, request);
    }
  }

  private static void sleep(long nanos, ApiRequest request) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiUnreachable.interrupted(request.method(), request.url());
    }
  }
}
