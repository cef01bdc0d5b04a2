package dev.vigil.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.cloud.Secret;
import dev.vigil.identity.Catalog;
import dev.vigil.identity.Token;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rest's retry contract against a local server: a POST is repeated only when no service saw it. */
class RestTest {

  /** One canned answer: status, whether it carries a request id (a service saw it), body. */
  private record Canned(int status, boolean requestId, String body) {}

  private HttpServer server;
  private final Deque<Canned> posts = new ArrayDeque<>();
  private final Deque<Canned> lookups = new ArrayDeque<>();
  private final AtomicInteger postCount = new AtomicInteger();
  private Rest rest;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      Canned c;
      if (exchange.getRequestMethod().equals("POST")) {
        postCount.incrementAndGet();
        c = posts.isEmpty() ? new Canned(201, true, "{\"server\":{\"id\":\"made\"}}") : posts.poll();
      } else {
        c = lookups.isEmpty() ? new Canned(200, true, "{\"servers\":[]}") : lookups.poll();
      }
      if (c.requestId()) {
        exchange.getResponseHeaders().add("x-openstack-request-id", "req-" + postCount.get());
      }
      byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(c.status(), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    Catalog catalog = new Catalog(List.of(new Catalog.Service("compute", "nova", List.of(new Catalog.Endpoint("public", "RegionOne", url)))));
    Token token = new Token(Secret.of("t"), Instant.now(), Instant.now().plusSeconds(3600), "u", "demo", "p", "demo", List.of("member"), catalog, "{}");
    CloudConfig cloud = new CloudConfig("test", url + "/v3", null, null, "public", null, true, null);
    rest = new Rest(cloud, () -> token, HttpClient.newHttpClient(), Duration.ofSeconds(3));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aPostAnsweredByTheBalancerWithNoServerUpIsSentAgain() {
    posts.add(new Canned(503, false, "<html><body><h1>503 Service Unavailable</h1>No server is available</body></html>"));
    Reply r = rest.post(Service.COMPUTE, "/servers", JsonNodeFactory.instance.objectNode());
    assertThat(r.status()).isEqualTo(201);
    assertThat(postCount).hasValue(2);
  }

  @Test
  void aPostAServiceAnswered503IsNeverRepeated() {
    posts.add(new Canned(503, true, "{\"error\":\"busy\"}"));
    Reply r = rest.post(Service.COMPUTE, "/servers", JsonNodeFactory.instance.objectNode());
    assertThat(r.status()).isEqualTo(503);
    assertThat(postCount).hasValue(1);
  }

  @Test
  void aCreateThatMayHaveHappenedIsLookedForAndNeverPostedTwice() {
    posts.add(new Canned(500, true, "{\"computeFault\":{\"message\":\"neutron away\"}}"));
    assertThatThrownBy(() -> rest.create(Service.COMPUTE, "/servers", JsonNodeFactory.instance.objectNode(), "server x", "/servers?name=x", "servers", "server"))
        .isInstanceOf(ApiError.class);
    assertThat(postCount).hasValue(1);
  }

  @Test
  void aCreateThatShowsUpLateIsAdopted() {
    posts.add(new Canned(502, false, "bad gateway"));
    lookups.add(new Canned(200, true, "{\"servers\":[]}"));
    lookups.add(new Canned(200, true, "{\"servers\":[{\"id\":\"late\",\"name\":\"x\"}]}"));
    Reply r = rest.create(Service.COMPUTE, "/servers", JsonNodeFactory.instance.objectNode(), "server x", "/servers?name=x", "servers", "server");
    assertThat(r.json().path("server").path("id").asText()).isEqualTo("late");
    assertThat(postCount).hasValue(1);
  }
}
