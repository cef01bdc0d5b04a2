package dev.vigil.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Keystone v3 token endpoint on 127.0.0.1 for unit tests of Vigil's own logic (timing, renewal,
 * error handling). What it answers is set by the test; the real Keystone is exercised by the
 * integration tests against the lab.
 */
public final class FakeKeystone implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger issued = new AtomicInteger();
  private final List<String> requestBodies = new CopyOnWriteArrayList<>();
  private volatile int status = 201;
  private volatile Duration lifetime = Duration.ofHours(1);
  private volatile List<String> roles = List.of("member", "reader");

  public FakeKeystone() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v3/auth/tokens", this::tokens);
    server.start();
  }

  public String authUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
  }

  public void answer(int status) {
    this.status = status;
  }

  public void lifetime(Duration lifetime) {
    this.lifetime = lifetime;
  }

  public void roles(List<String> roles) {
    this.roles = roles;
  }

  public int issued() {
    return issued.get();
  }

  public List<String> requestBodies() {
    return requestBodies;
  }

  private void tokens(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      requestBodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    int answer = status;
    String body;
    if (answer == 201) {
      int n = issued.incrementAndGet();
      Instant now = Instant.now();
      exchange.getResponseHeaders().add("X-Subject-Token", "token-" + n);
      StringBuilder roleJson = new StringBuilder();
      for (String r : roles) {
        roleJson.append(roleJson.length() == 0 ? "" : ",").append("{\"id\":\"r-").append(r).append("\",\"name\":\"").append(r).append("\"}");
      }
      body =
          "{\"token\":{\"issued_at\":\"" + now + "\",\"expires_at\":\"" + now.plus(lifetime) + "\","
              + "\"user\":{\"id\":\"u1\",\"name\":\"demo\"},\"project\":{\"id\":\"p1\",\"name\":\"demo\"},"
              + "\"roles\":[" + roleJson + "],"
              + "\"catalog\":[{\"type\":\"compute\",\"name\":\"nova\",\"endpoints\":["
              + "{\"interface\":\"internal\",\"region_id\":\"RegionOne\",\"url\":\"http://internal:8774/v2.1\"},"
              + "{\"interface\":\"public\",\"region_id\":\"RegionOne\",\"url\":\"http://127.0.0.1:8774/v2.1\"},"
              + "{\"interface\":\"public\",\"region_id\":\"RegionTwo\",\"url\":\"http://two:8774/v2.1\"}]}]}}";
    } else {
      body = "{\"error\":{\"code\":" + answer + ",\"message\":\"The request you have made requires authentication.\"}}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
