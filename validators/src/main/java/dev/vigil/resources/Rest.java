package dev.vigil.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.http.Http;
import dev.vigil.identity.Catalog;
import dev.vigil.identity.Token;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * OpenStack API calls on the JDK's HTTP client, where Vigil needs what openstack4j does not give:
 * the request id of every create (evidence), raw bytes for uploads and downloads (Glance, Swift),
 * and the service's own error message.
 *
 * <p>Services restart during an upgrade, so a call that did not reach a server is retried until
 * {@code patience} has passed: any method on a refused connection or a 503 that carries no request
 * id (the load balancer had no server up: no OpenStack service saw the request), and the idempotent
 * ones (GET, HEAD, PUT, DELETE) also on other transport errors and on 500, 502, 503 and 504. A POST
 * that may have reached a service is never repeated.
 */
public final class Rest {

  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Answers worth another try for a request that may be repeated: HAProxy's 502/503/504 while a
   * backend restarts, and 500, which an API answers while its database or a service it calls is
   * being upgraded (Nova answered 500 to a server list during the lab's package upgrade).
   */
  static final java.util.Set<Integer> TRANSIENT = java.util.Set.of(500, 502, 503, 504);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final CloudConfig cloud;
  private final Supplier<Token> token;
  private final HttpClient http;
  private final Duration patience;

  public Rest(CloudConfig cloud, Supplier<Token> token, Duration patience) {
    this(cloud, token, Http.client(cloud, Duration.ofSeconds(10)), patience);
  }

  Rest(CloudConfig cloud, Supplier<Token> token, HttpClient http, Duration patience) {
    this.cloud = cloud;
    this.token = token;
    this.http = http;
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
    if (reply.ok() || !TRANSIENT.contains(reply.status())) {
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
    String url = base(s) + path;
    boolean idempotent = !method.equals("POST");
    long deadline = System.nanoTime() + patience.toNanos();
    long pause = 250;
    while (true) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(REQUEST_TIMEOUT)
              .header("X-Auth-Token", token.get().id().reveal())
              .header("User-Agent", "vigil")
              .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      if (!headers.containsKey("Accept")) {
        b.header("Accept", "application/json");
      }
      headers.forEach(b::header);
      try {
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Reply reply = new Reply(method, url, r.statusCode(), r.headers(), r.body());
        boolean reachedNoService = r.statusCode() == 503 && reply.requestId() == null;
        boolean retry = reachedNoService || (idempotent && TRANSIENT.contains(r.statusCode()));
        if (!retry || System.nanoTime() + pause * 1_000_000 > deadline) {
          return reply;
        }
      } catch (IOException e) {
        boolean notSent = e instanceof ConnectException || e.getCause() instanceof ConnectException;
        if (!(idempotent || notSent) || System.nanoTime() + pause * 1_000_000 > deadline) {
          throw Http.unreachable(url, e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new VigilException("interrupted during " + method + " " + url);
      }
      sleep(pause);
      pause = Math.min(pause * 2, 2000);
    }
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
