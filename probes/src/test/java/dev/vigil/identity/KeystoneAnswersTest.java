package dev.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.VigilException;
import dev.vigil.cloud.Auth;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.cloud.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * What answers at the token URL, and what cannot be reached, is said as it is; what no wait can
 * mend fails at once. Before: Keystone's 404 for an unknown application credential read "not a
 * Keystone v3 endpoint", Nova's 300 read "check the scope", and a name that does not resolve was
 * "connection refused" after the whole patience.
 */
class KeystoneAnswersTest {

  private static final String PASSWORD = "s3cret-PW";
  /** What the lab's Nova (Zed) answers to POST /v3/auth/tokens. */
  private static final String NOVA_VERSIONS = "{\"choices\": [{\"id\": \"v2.0\", \"status\": \"SUPPORTED\", \"links\": [{\"rel\":"
      + " \"self\", \"href\": \"http://127.0.0.1:8774/v2/v3/auth/tokens\"}], \"media-types\": [{\"base\": \"application/json\","
      + " \"type\": \"application/vnd.openstack.compute+json;version=2\"}]}, {\"id\": \"v2.1\", \"status\": \"CURRENT\", \"links\":"
      + " [{\"rel\": \"self\", \"href\": \"http://127.0.0.1:8774/v2.1/v3/auth/tokens\"}], \"media-types\": [{\"base\":"
      + " \"application/json\", \"type\": \"application/vnd.openstack.compute+json;version=2.1\"}]}]}";
  private static final String GLANCE_VERSIONS = "{\"versions\": [{\"id\": \"v2.15\", \"status\": \"CURRENT\", \"links\": [{\"rel\":"
      + " \"self\", \"href\": \"http://127.0.0.1:9292/v2/\"}]}, {\"id\": \"v2.0\", \"status\": \"SUPPORTED\", \"links\": [{\"rel\":"
      + " \"self\", \"href\": \"http://127.0.0.1:9292/v2/\"}]}]}";
  private static final String UNAUTHENTICATED = "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"The request you"
      + " have made requires authentication.\"}}";
  private static final String KEYSTONE_VERSIONS = "{\"versions\": {\"values\": [{\"id\": \"v3.14\", \"status\": \"stable\", \"links\":"
      + " [{\"rel\": \"self\", \"href\": \"http://keystone.example:5000/v3/\"}], \"media-types\": [{\"base\": \"application/json\","
      + " \"type\": \"application/vnd.openstack.identity-v3+json\"}]}]}}";

  static Auth password() {
    return new Auth.Password("demo", null, Secret.of(PASSWORD), "Default", null, new Auth.Scope("demo", null, "Default", null, null, null));
  }

  static Auth applicationCredential() {
    return new Auth.ApplicationCredential("ac-404", null, Secret.of(PASSWORD), null, null, null, null);
  }

  /**
   * Answers every request with {@code status} and {@code body}, a Location header for redirects,
   * and WWW-Authenticate naming {@code keystone} when given.
   */
  private static HttpServer answering(int status, String body, String keystone) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Location", "https://keystone.example:5000/v3/auth/tokens");
      exchange.getResponseHeaders().add("X-Subject-Token", "t");
      if (!keystone.isEmpty()) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Keystone uri=\"" + keystone.replace("SELF",
            "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + "/v3") + "\"");
      }
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
      exchange.close();
    });
    server.start();
    return server;
  }

  private static String failure(String authUrl, Auth auth, Duration patience) {
    Throwable t = catchThrowable(() -> new KeystoneClient(new CloudConfig("test", authUrl, auth, null, "public", null, true, null))
        .authenticate(patience));
    assertThat(t).isInstanceOf(VigilException.class);
    assertThat(t.getMessage()).doesNotContain(PASSWORD).doesNotContain("Exception").doesNotContain("\n");
    return t.getMessage();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      404 | `{"error": {"code": 404, "message": "Could not find Application Credential: ac-404.", "title": "Not Found"}}` | app | unknown application credential ac-404: Keystone at TOKENURL has none (HTTP 404: Could not find Application Credential: ac-404.); check application_credential_id of cloud "test" (OS_* environment variables), or create one
      300 | NOVA      | password | auth_url of cloud "test" is not Keystone's v3 endpoint: TOKENURL answered HTTP 300 with a list of API versions (v2.0, v2.1 of compute); another service answers there; did you mean http://127.0.0.1:5000/v3 (Keystone's usual port)?
      300 | GLANCE    | password | auth_url of cloud "test" is not Keystone's v3 endpoint: TOKENURL answered HTTP 300 with a list of API versions (v2.15, v2.0); another service answers there; did you mean http://127.0.0.1:5000/v3 (Keystone's usual port)?
      401 | UNAUTHENTICATED | password | authentication failed for user demo at TOKENURL (HTTP 401: The request you have made requires authentication.): the answer names Keystone at http://127.0.0.1:5000, not this address: if auth_url points at another service, did you mean http://127.0.0.1:5000/v3? Otherwise, check the credentials of cloud "test"
      300 | KEYSTONE  | password | auth_url of cloud "test" is not Keystone's v3 endpoint: TOKENURL answered HTTP 300 with a list of API versions (v3.14 of identity); did you mean http://keystone.example:5000/v3?
      404 | `<html>Not Found</html>` | password | auth_url of cloud "test" is not Keystone's v3 endpoint: TOKENURL answered HTTP 404, not in Keystone's way
      405 | ``        | app      | auth_url of cloud "test" is not Keystone's v3 endpoint: TOKENURL answered HTTP 405, not in Keystone's way
      401 | `{"error": {"code": 401, "message": "The request you have made requires authentication."}}` | password | authentication failed for user demo at TOKENURL (HTTP 401: The request you have made requires authentication.): check the credentials of cloud "test"
      400 | `{"error": {"code": 400, "message": "Expecting to find domain in project."}}` | password | Keystone at TOKENURL refused the token request for user demo (HTTP 400: Expecting to find domain in project.): check the scope
      201 | `<html>welcome</html>` | password | Keystone's token response could not be read (Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false') at line 1, column 1): is auth_url a Keystone v3 endpoint?
      302 | ``        | password | TOKENURL answered HTTP 302, a redirect to https://keystone.example:5000/v3/auth/tokens: auth_url of cloud "test" must be Keystone's own URL
      """)
  void answersAtTheTokenUrl(int status, String body, String auth, String message) throws IOException {
    String text = switch (body) {
      case "NOVA" -> NOVA_VERSIONS;
      case "GLANCE" -> GLANCE_VERSIONS;
      case "KEYSTONE" -> KEYSTONE_VERSIONS;
      case "UNAUTHENTICATED" -> UNAUTHENTICATED;
      default -> body;
    };
    // Cinder behind keystonemiddleware names Keystone's address; Keystone names its own
    String keystone = body.equals("UNAUTHENTICATED") ? "http://127.0.0.1:5000" : status == 401 ? "SELF" : "";
    HttpServer server = answering(status, text, keystone);
    try {
      String authUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
      String shown = failure(authUrl, auth.equals("app") ? applicationCredential() : password(), Duration.ofSeconds(30));
      assertThat(shown).startsWith(message.replace("TOKENURL", authUrl + "/auth/tokens"));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aNameThatDoesNotResolveFailsAtOnce() {
    long t0 = System.nanoTime();
    String message = failure("http://no-such-host.invalid:5000/v3", password(), Duration.ofSeconds(30));
    assertThat(message).isEqualTo("cannot reach http://no-such-host.invalid:5000/v3/auth/tokens: the host name no-such-host.invalid does not"
        + " resolve (DNS); check the host name in the URL, or the machine's DNS settings");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aClosedPortIsTriedForAFewSecondsNotTheWholePatience() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    long t0 = System.nanoTime();
    String message = failure("http://127.0.0.1:" + port + "/v3", password(), Duration.ofSeconds(30));
    assertThat(message).isEqualTo("cannot reach http://127.0.0.1:" + port + "/v3/auth/tokens: connection refused by 127.0.0.1:" + port
        + " (nothing listens on that port); check the port in the URL and that the service is up (kept trying for 3 s)");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void httpsAgainstPlainHttpFailsAtOnce() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> {
        while (true) {
          try (Socket s = plain.accept()) {
            s.getInputStream().read(new byte[4096]);
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
          } catch (IOException e) {
            return;
          }
        }
      });
      server.setDaemon(true);
      server.start();
      long t0 = System.nanoTime();
      String message = failure("https://127.0.0.1:" + plain.getLocalPort() + "/v3", password(), Duration.ofSeconds(30));
      assertThat(message).isEqualTo("cannot reach https://127.0.0.1:" + plain.getLocalPort() + "/v3/auth/tokens: TLS mismatch: the URL"
          + " says https:// but 127.0.0.1:" + plain.getLocalPort() + " answers plain HTTP; write http:// instead of https://");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
    }
  }
}
