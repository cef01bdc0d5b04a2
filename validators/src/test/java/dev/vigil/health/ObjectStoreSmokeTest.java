package dev.vigil.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.cloud.Secret;
import dev.vigil.identity.Catalog;
import dev.vigil.identity.Token;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Swift smoke against a tiny in-memory Swift: bytes compared, and nothing left behind on failure. */
class ObjectStoreSmokeTest {

  private HttpServer server;
  private final Map<String, byte[]> store = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile boolean corrupt;
  private String endpoint;
  private HealthApi api;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      requests.add(ex.getRequestMethod() + " " + path + " token=" + ex.getRequestHeaders().getFirst("X-Auth-Token"));
      byte[] body = ex.getRequestBody().readAllBytes();
      int status;
      byte[] out = new byte[0];
      switch (ex.getRequestMethod()) {
        case "PUT" -> { store.put(path, body); status = 201; }
        case "GET" -> {
          byte[] v = store.get(path);
          status = v == null ? 404 : 200;
          out = v == null ? out : corrupt ? "other".getBytes() : v;
        }
        case "DELETE" -> status = store.remove(path) == null ? 404 : 204;
        default -> status = 405;
      }
      ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        ex.getResponseBody().write(out);
      }
      ex.close();
    });
    server.start();
    endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/AUTH_demo";
    Token token = new Token(Secret.of("tok"), Instant.now(), Instant.now().plusSeconds(3600), "u", "demo", "p", "demo",
        List.of("member"), new Catalog(List.of()), "{}");
    api = new HealthApi(HttpClient.newHttpClient(), Duration.ofSeconds(5), () -> token);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void writesReadsBackAndDeletesEverything() {
    ObjectStoreSmoke smoke = new ObjectStoreSmoke();
    List<Step> steps = smoke.run(api, endpoint, "vigil-20261125-134501-a3f9-health-before");
    assertThat(steps).allMatch(Step::passed);
    assertThat(steps).extracting(Step::name)
        .containsExactly("create-container", "put-object", "get-object", "object-bytes-match", "delete-object", "delete-container");
    assertThat(store).isEmpty();
    assertThat(requests.get(0)).isEqualTo("PUT /v1/AUTH_demo/vigil-20261125-134501-a3f9-health-before token=tok");
    int sent = requests.size();
    smoke.cleanUp(api);
    assertThat(requests).hasSize(sent);
  }

  @Test
  void differentBytesFailAndCleanUpStillDeletesBoth() {
    corrupt = true;
    ObjectStoreSmoke smoke = new ObjectStoreSmoke();
    List<Step> steps = smoke.run(api, endpoint, "vigil-x-health-after");
    Step last = steps.get(steps.size() - 1);
    assertThat(last.name()).isEqualTo("object-bytes-match");
    assertThat(last.passed()).isFalse();
    assertThat(last.detail()).contains("DIFFERENT");
    assertThat(store).hasSize(2);
    smoke.cleanUp(api);
    assertThat(store).isEmpty();
    smoke.cleanUp(api); // idempotent: nothing left to delete
  }
}
