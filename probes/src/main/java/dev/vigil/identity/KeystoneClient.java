package dev.vigil.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import dev.vigil.cloud.Auth;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.cloud.Secret;
import dev.vigil.http.ApiAnswer;
import dev.vigil.http.ApiClient;
import dev.vigil.http.ApiRequest;
import dev.vigil.http.ApiUnreachable;
import dev.vigil.http.Http;
import dev.vigil.http.UrlRule;
import dev.vigil.http.Urls;
import dev.vigil.recording.JsonProblem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keystone v3 authentication with password or application credentials.
 *
 * <p>Written on the JDK's HTTP client rather than openstack4j: openstack4j 3.12 has no application
 * credential method and keeps its session in a thread-local, while Vigil refreshes tokens from a
 * background thread and hands them to Gatling.
 */
public final class KeystoneClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** How long a refused connection is tried again when authenticating first. */
  public static final Duration REFUSED_GRACE = Duration.ofSeconds(3);

  private final CloudConfig cloud;
  private final ApiClient api;
  private final Clock clock;

  public KeystoneClient(CloudConfig cloud) {
    this(cloud, Http.client(cloud, Duration.ofSeconds(10)), Clock.systemUTC());
  }

  public KeystoneClient(CloudConfig cloud, HttpClient http, Clock clock) {
    this.cloud = cloud;
    this.api = new ApiClient(http, null, REQUEST_TIMEOUT);
    this.clock = clock;
  }

  public CloudConfig cloud() {
    return cloud;
  }

  /** Keystone's v3 base URL for an auth_url written with or without its version. */
  public static String v3Url(String authUrl) {
    String url = authUrl.endsWith("/") ? authUrl.substring(0, authUrl.length() - 1) : authUrl;
    if (url.endsWith("/v3")) {
      return url;
    }
    if (url.endsWith("/v2.0")) {
      return url.substring(0, url.length() - "/v2.0".length()) + "/v3";
    }
    return url + "/v3";
  }

  /**
   * Issues a token, retrying while Keystone times out or answers 5xx (a restart, a rolling
   * upgrade) until {@code patience} has passed. What no wait can mend is final at once: a refusal
   * (401, 403, 404, 400), a host name that does not resolve, a TLS mismatch or untrusted
   * certificate, another service answering. A refused connection is tried again for {@link
   * #REFUSED_GRACE} only: a closed port stays closed, while a Keystone process restarting without
   * a proxy in front is back within seconds (behind a proxy a restart is a 503, waited for).
   */
  public Token authenticate(Duration patience) {
    Instant start = clock.instant();
    Duration pause = Duration.ofMillis(200);
    while (true) {
      try {
        return authenticateOnce();
      } catch (TransientFailure e) {
        Duration limit = e.refused && REFUSED_GRACE.compareTo(patience) < 0 ? REFUSED_GRACE : patience;
        if (!clock.instant().plus(pause).isBefore(start.plus(limit))) {
          throw e.asUserError(limit);
        }
        sleep(pause);
        pause = min(pause.multipliedBy(2), Duration.ofSeconds(2));
      }
    }
  }

  /** One attempt; transient failures are thrown as {@link TransientFailure}. */
  Token authenticateOnce() {
    String url = v3Url(cloud.authUrl()) + "/auth/tokens";
    URI uri;
    try {
      uri = Urls.parse(url, UrlRule.web("https://keystone.example.com:5000/v3", "give the credentials in the cloud's auth"));
    } catch (Urls.BadUrl e) {
      throw new VigilException("auth_url of cloud \"" + cloud.name() + "\": " + e.getMessage());
    }
    ApiAnswer response;
    try {
      response = api.send(ApiRequest.of("POST", uri.toString(), requestBody().getBytes(StandardCharsets.UTF_8),
          Map.of("Content-Type", "application/json")).anonymous());
    } catch (ApiUnreachable e) {
      if (e.interrupted()) {
        throw new VigilException("interrupted while authenticating at " + url);
      }
      if (!e.failure().mendable()) {
        throw new VigilException(e.getMessage());
      }
      throw new TransientFailure(url, new VigilException(e.getMessage()), e.failure().refused());
    }
    int status = response.status();
    if (status == 201 || status == 200) {
      String id = response.headers().firstValue("X-Subject-Token").orElseThrow(
          () -> new VigilException(url + " answered " + status + " without X-Subject-Token: is this Keystone v3?"));
      return parse(Secret.of(id), new String(response.body(), StandardCharsets.UTF_8));
    }
    if (status >= 500) {
      throw new TransientFailure(url, new VigilException("Keystone at " + url + " answered HTTP " + status), false);
    }
    throw new KeystoneRefusal(cloud, url).of(status, new String(response.body(), StandardCharsets.UTF_8), response.headers().firstValue("Location"),
        response.headers().firstValue("WWW-Authenticate"));
  }

  String requestBody() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode auth = root.putObject("auth");
    ObjectNode identity = auth.putObject("identity");
    if (cloud.auth() instanceof Auth.Password p) {
      identity.putArray("methods").add("password");
      ObjectNode user = identity.putObject("password").putObject("user");
      putUser(user, p.username(), p.userId(), p.userDomainName(), p.userDomainId());
      user.put("password", p.password().reveal());
      putScope(auth, p.scope());
    } else if (cloud.auth() instanceof Auth.ApplicationCredential a) {
      identity.putArray("methods").add("application_credential");
      ObjectNode cred = identity.putObject("application_credential");
      if (a.id() != null) {
        cred.put("id", a.id());
      } else {
        cred.put("name", a.name());
        putUser(cred.putObject("user"), a.username(), a.userId(), a.userDomainName(), a.userDomainId());
      }
      cred.put("secret", a.secret().reveal());
    }
    return root.toString();
  }

  private static void putUser(ObjectNode user, String name, String id, String domainName, String domainId) {
    if (id != null) {
      user.put("id", id);
      return;
    }
    user.put("name", name);
    putDomain(user, domainName, domainId);
  }

  private static void putDomain(ObjectNode parent, String name, String id) {
    if (id != null) {
      parent.putObject("domain").put("id", id);
    } else if (name != null) {
      parent.putObject("domain").put("name", name);
    }
  }

  private static void putScope(ObjectNode auth, Auth.Scope scope) {
    if (scope == null) {
      return;
    }
    if (scope.projectId() != null) {
      auth.putObject("scope").putObject("project").put("id", scope.projectId());
    } else if (scope.projectName() != null) {
      ObjectNode project = auth.putObject("scope").putObject("project");
      project.put("name", scope.projectName());
      putDomain(project, scope.projectDomainName(), scope.projectDomainId());
    } else if (scope.domainId() != null || scope.domainName() != null) {
      ObjectNode scopeNode = auth.putObject("scope");
      putDomain(scopeNode, scope.domainName(), scope.domainId());
    }
  }

  static Token parse(Secret id, String body) {
    try {
      JsonNode token = JSON.readTree(body).path("token");
      List<String> roles = new ArrayList<>();
      token.path("roles").forEach(r -> roles.add(r.path("name").asText()));
      List<Catalog.Service> services = new ArrayList<>();
      for (JsonNode s : token.path("catalog")) {
        List<Catalog.Endpoint> endpoints = new ArrayList<>();
        for (JsonNode e : s.path("endpoints")) {
          String region = e.hasNonNull("region_id") ? e.get("region_id").asText() : e.path("region").asText(null);
          endpoints.add(new Catalog.Endpoint(e.path("interface").asText(), region, e.path("url").asText()));
        }
        services.add(new Catalog.Service(s.path("type").asText(), s.path("name").asText(null), endpoints));
      }
      return new Token(
          id,
          Instant.parse(token.path("issued_at").asText()),
          Instant.parse(token.path("expires_at").asText()),
          token.path("user").path("id").asText(null),
          token.path("user").path("name").asText(null),
          token.path("project").path("id").asText(null),
          token.path("project").path("name").asText(null),
          roles,
          new Catalog(services),
          body);
    } catch (IOException e) {
      throw new VigilException("Keystone's token response could not be read (" + JsonProblem.describe(e) + "): is auth_url a Keystone v3"
          + " endpoint?");
    } catch (RuntimeException e) {
      throw new VigilException("Keystone's token response could not be read (" + e.getMessage() + "): is auth_url a Keystone v3 endpoint?");
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VigilException("interrupted while waiting for Keystone");
    }
  }

  /** Keystone could not be reached or answered 5xx: worth another try. */
  static final class TransientFailure extends RuntimeException {
    private final String url;

    private final boolean refused;

    TransientFailure(String url, VigilException cause, boolean refused) {
      super(cause.getMessage(), cause, false, false);
      this.url = url;
      this.refused = refused;
    }

    VigilException asUserError(Duration patience) {
      return new VigilException(getMessage() + " (kept trying for " + Math.max(1, patience.toSeconds()) + " s)");
    }

    String url() {
      return url;
    }
  }
}
