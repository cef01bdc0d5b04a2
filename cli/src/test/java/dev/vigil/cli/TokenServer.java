package dev.vigil.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A token URL on 127.0.0.1 that issues a non-admin token with the catalog a test gives, for what
 * Vigil does with a catalog (a region without endpoints, an empty catalog) without a cloud.
 */
final class TokenServer implements AutoCloseable {

  private final HttpServer server;

  /** @param catalog the token's catalog, as Keystone's JSON list */
  TokenServer(String catalog) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v3/auth/tokens", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      Instant now = Instant.now();
      byte[] body = ("{\"token\": {\"issued_at\": \"" + now + "\", \"expires_at\": \"" + now.plusSeconds(3600) + "\","
          + " \"user\": {\"id\": \"u\", \"name\": \"demo\"}, \"project\": {\"id\": \"p\", \"name\": \"demo\"},"
          + " \"roles\": [{\"id\": \"r\", \"name\": \"member\"}], \"catalog\": " + catalog + "}}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("X-Subject-Token", "t");
      exchange.sendResponseHeaders(201, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  String authUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
