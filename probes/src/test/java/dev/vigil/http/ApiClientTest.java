package dev.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one HTTP path's contract against a local server: headers, request ids, and what is tried again. */
class ApiClientTest {

  /** One canned answer: status, whether a service saw it (request id), and whether to answer at all. */
  private record Canned(int status, boolean requestId, boolean silent) {
    static Canned of(int status, boolean requestId) {
      return new Canned(status, requestId, false);
    }
  }

  private HttpServer server;
  private final Deque<Canned> answers = new ArrayDeque<>();
  private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();

  private String start(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", exchange -> {
      seen.add(Map.of("method", exchange.getRequestMethod(),
          "token", String.valueOf(exchange.getRequestHeaders().getFirst("X-Auth-Token")),
          "accept", String.valueOf(exchange.getRequestHeaders().getFirst("Accept")),
          "agent", String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent"))));
      Canned c = answers.isEmpty() ? Canned.of(200, true) : answers.poll();
      if (c.silent()) {
        return; // the request reached the server, which never answers: a read timeout for the client
      }
      if (c.requestId()) {
        exchange.getResponseHeaders().add("x-openstack-request-id", "req-" + seen.size());
      }
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(c.status(), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static ApiClient client() {
    return new ApiClient(HttpClient.newHttpClient(), () -> "secret-token", Duration.ofMillis(800));
  }

  private static ApiRequest post(String url) {
    return ApiRequest.of("POST", url + "/servers", "{}".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
  }

  @Test
  void sendsTheTokenOnlyWithAuthenticatedRequestsAndKeepsTheRequestId() throws IOException {
    String url = start(0);
    ApiAnswer answer = client().send(ApiRequest.get(url + "/servers"));
    client().send(ApiRequest.get(url + "/").anonymous());
    assertThat(answer.requestId()).isEqualTo("req-1");
    assertThat(seen.get(0)).containsEntry("token", "secret-token").containsEntry("accept", "application/json").containsEntry("agent", "vigil");
    assertThat(seen.get(1)).containsEntry("token", "null");
  }

  @Test
  void aPostAnsweredByTheBalancerAloneIsSentAgain() throws IOException {
    String url = start(0);
    answers.add(Canned.of(503, false));
    ApiAnswer answer = client().send(post(url), RetryPolicy.until(Duration.ofSeconds(3)));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(seen).hasSize(2);
  }

  @Test
  void aPostAServiceMayHaveSeenIsNeverRepeated() throws IOException {
    String url = start(0);
    for (int status : new int[] {500, 502, 504}) {
      answers.add(Canned.of(status, false));
    }
    answers.add(Canned.of(503, true));
    ApiClient api = client();
    RetryPolicy patient = RetryPolicy.until(Duration.ofSeconds(3));
    assertThat(List.of(api.send(post(url), patient).status(), api.send(post(url), patient).status(),
        api.send(post(url), patient).status(), api.send(post(url), patient).status())).containsExactly(500, 502, 504, 503);
    assertThat(seen).hasSize(4);
  }

  @Test
  void aPostThatTimedOutAfterReachingTheServerIsNotRepeated() throws IOException {
    String url = start(0);
    answers.add(new Canned(0, false, true));
    assertThatThrownBy(() -> client().send(post(url), RetryPolicy.until(Duration.ofSeconds(3))))
        .isInstanceOf(ApiUnreachable.class)
        .hasMessageContaining("no answer in time from 127.0.0.1:");
    assertThat(seen).hasSize(1);
  }

  @Test
  void anIdempotentRequestIsTriedAgainOnTransientAnswersAndTimeouts() throws IOException {
    String url = start(0);
    answers.add(Canned.of(500, true));
    answers.add(new Canned(0, false, true));
    answers.add(Canned.of(502, false));
    ApiAnswer answer = client().send(ApiRequest.get(url + "/servers"), RetryPolicy.until(Duration.ofSeconds(5)));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(seen).hasSize(4);
  }

  @Test
  void aRefusedConnectionIsTriedAgainEvenForAPostUntilTheServiceIsBack() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: connections are refused until the server starts
    }
    String url = "http://127.0.0.1:" + port;
    Thread later = new Thread(() -> {
      try {
        Thread.sleep(700);
        start(port);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    later.start();
    ApiAnswer answer = client().send(post(url), RetryPolicy.until(Duration.ofSeconds(5)));
    later.join();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(seen).hasSize(1);
  }

  @Test
  void whatNoWaitMendsFailsAtOnceWithOneLine() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> client().send(ApiRequest.get("http://user:pw@vigil-no-such-host.invalid:5000/v3"), RetryPolicy.until(Duration.ofSeconds(10))))
        .isInstanceOf(ApiUnreachable.class)
        .hasMessageContaining("does not resolve")
        .hasMessageNotContaining("pw");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void onceMeansOnce() throws IOException {
    String url = start(0);
    answers.add(Canned.of(503, false));
    assertThat(client().send(ApiRequest.get(url + "/"), RetryPolicy.ONCE).status()).isEqualTo(503);
    assertThat(seen).hasSize(1);
  }

  @Test
  void anInterruptedCallerGetsTheOneErrorTypeAndKeepsItsFlag() throws IOException {
    String url = start(0);
    answers.add(new Canned(0, false, true));
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> client().send(ApiRequest.get(url + "/")))
          .isInstanceOfSatisfying(ApiUnreachable.class, e -> assertThat(e.interrupted()).isTrue());
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
