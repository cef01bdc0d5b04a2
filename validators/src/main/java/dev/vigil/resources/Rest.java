package dev.vigil.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.http.ApiAnswer;
import dev.vigil.http.ApiClient;
import dev.vigil.http.ApiRequest;
import dev.vigil.http.Http;
import dev.vigil.http.RetryPolicy;
import dev.vigil.identity.Catalog;
import dev.vigil.identity.Token;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * OpenStack API calls on the JDK's HTTP client, where Vigil needs what openstack4j does not give:
 * the request id of every create (evidence), raw bytes for uploads and downloads (Glance, Swift),
 * and the service's own error message. The sending is {@link ApiClient}'s.
 *
 * <p>Services restart during an upgrade, so a call is tried again as {@link RetryPolicy} allows
 * until {@code patience} has passed: a POST that may have reached a service is never repeated.
 */
public final class Rest {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final CloudConfig cloud;
  private final Supplier<Token> token;
  private final ApiClient api;
  private final Duration patience;

  public Rest(CloudConfig cloud, Supplier<Token> token, Duration patience) {
    this(cloud, token, Http.client(cloud, Duration.ofSeconds(10)), patience);
  }

  Rest(CloudConfig cloud, Supplier<Token> token, HttpClient http, Duration patience) {
    this.cloud = cloud;
    this.token = token;
    this.api = new ApiClient(http, () -> token.get().id().reveal(), REQUEST_TIMEOUT);
    this.patience = patience;
  }

  public CloudConfig cloud() {
    return cloud;
  }

  public Token token() {
    return token.get();
  }

  /** The base URL of a service in the token's catalog, or a one-line error naming the fix. */
  public String base(Service service) {
    Catalog catalog = token.get().catalog();
    for (String type : service.catalogTypes()) {
      var endpoint = catalog.endpoint(type, cloud.interfaceName(), cloud.regionName());
      if (endpoint.isPresent()) {
        return service.base(endpoint.get().url());
      }
    }
    throw new VigilException("the catalog of cloud " + cloud.name() + " has no " + cloud.interfaceName() + " endpoint for "
        + String.join(" or ", service.catalogTypes()) + (cloud.regionName() == null ? "" : " in region " + cloud.regionName())
        + ": persistent resources need compute, network, block-storage, image and object-store");
  }

  public boolean has(Service service) {
    Catalog catalog = token.get().catalog();
    return service.catalogTypes().stream().anyMatch(t -> catalog.endpoint(t, cloud.interfaceName(), cloud.regionName()).isPresent());
  }

  public Reply get(Service s, String path) {
    return send(s, "GET", path, null, Map.of());
  }

  public Reply head(Service s, String path) {
    return send(s, "HEAD", path, null, Map.of());
  }

  public Reply delete(Service s, String path) {
    return send(s, "DELETE", path, null, Map.of());
  }

  public Reply post(Service s, String path, JsonNode body) {
    return send(s, "POST", path, bytes(body), Map.of("Content-Type", "application/json"));
  }

  public Reply put(Service s, String path, JsonNode body) {
    return send(s, "PUT", path, bytes(body), Map.of("Content-Type", "application/json"));
  }

  public Reply put(Service s, String path, byte[] body, Map<String, String> headers) {
    return send(s, "PUT", path, body, headers);
  }

  /**
   * A create (POST) that survives another service's hiccup without ever making a duplicate: an
   * API that answers 500, 502, 503 or 504 (Nova answers 500 when Neutron or Keystone is briefly
   * away; HAProxy 502/504 when the server died mid-request) may or may not have created the
   * resource, and it may show up a moment later. Names are unique per run, so a lookup by name
   * tells: the resource is looked for until {@code patience} has passed and adopted when found;
   * when it never shows, the create failed with that answer. The POST itself is repeated only by
   * {@link #send} and only when it provably reached no service. Other refusals (quota, policy, bad
   * input) are final at once.
   *
   * @param lookupPath a GET listing resources with exactly this name, e.g. {@code /servers?name=^n$}
   * @param listKey the key of the list in the lookup's answer ({@code servers}), or null when the answer is the list
   * @param member the key the create answer wraps the resource in ({@code server}), or null when it is not wrapped
   * @return the create's answer, or one shaped like it around the adopted resource
   */
  public Reply create(Service s, String path, JsonNode body, String what, String lookupPath, String listKey, String member) {
    Reply reply = post(s, path, body);
    if (reply.ok() || !RetryPolicy.TRANSIENT.contains(reply.status())) {
      return ok(reply, what);
    }
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      Reply lookup = get(s, lookupPath);
      JsonNode found = lookup.ok() ? lookup.json() : null;
      JsonNode list = found == null ? null : listKey == null ? found : found.path(listKey);
      if (list != null && list.isArray() && list.size() > 0) {
        com.fasterxml.jackson.databind.node.ObjectNode shaped = JSON.createObjectNode();
        if (member == null) {
          shaped = (com.fasterxml.jackson.databind.node.ObjectNode) list.get(0);
        } else {
          shaped.set(member, list.get(0));
        }
        return new Reply(reply.method(), reply.url(), 201, reply.headers(), bytes(shaped));
      }
      if (System.nanoTime() > deadline) {
        return ok(reply, what);
      }
      sleep(2000);
    }
  }

  /** GET that must succeed: anything but 2xx becomes an {@link ApiError} naming {@code what}. */
  public Reply getOk(Service s, String path, String what) {
    return ok(get(s, path), what);
  }

  public static Reply ok(Reply reply, String what) {
    if (!reply.ok()) {
      throw new ApiError(what, reply);
    }
    return reply;
  }

  public Reply send(Service s, String method, String path, byte[] body, Map<String, String> headers) {
    ApiRequest request = ApiRequest.of(method, base(s) + path, body, headers);
    ApiAnswer answer = api.send(request, RetryPolicy.until(patience));
    return new Reply(method, request.url(), answer.status(), answer.headers(), answer.body());
  }

  static byte[] bytes(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VigilException("interrupted while waiting for the cloud");
    }
  }
}
