package dev.vigil.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request to a cloud (or to a store beside it), as every JDK-client caller in Vigil
 * describes it: {@link ApiClient} adds the token, the user agent and the timeout's default.
 *
 * @param headers sent as they are ({@link #get} and {@link #of} add {@code Accept: application/json} unless given)
 * @param body null for none
 * @param authenticated whether {@link ApiClient} sends the current token as {@code X-Auth-Token}
 * @param timeout null for the client's
 */
public record ApiRequest(String method, String url, Map<String, String> headers, byte[] body, boolean authenticated, Duration timeout) {

  public ApiRequest {
    headers = Map.copyOf(new LinkedHashMap<>(headers));
  }

  public static ApiRequest get(String url) {
    return of("GET", url, null, Map.of());
  }

  /** An authenticated request that asks for JSON unless {@code headers} say otherwise. */
  public static ApiRequest of(String method, String url, byte[] body, Map<String, String> headers) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.putIfAbsent("Accept", "application/json");
    return new ApiRequest(method, url, h, body, true, null);
  }

  /** POST, PATCH and anything unknown may change the cloud each time it is seen; never repeat them blindly. */
  public boolean idempotent() {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
      default -> false;
    };
  }

  public ApiRequest withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiRequest(method, url, h, body, authenticated, timeout);
  }

  /** Without the cloud's token: discovery documents, Keystone's own auth, a store outside the cloud. */
  public ApiRequest anonymous() {
    return new ApiRequest(method, url, headers, body, false, timeout);
  }

  public ApiRequest withTimeout(Duration t) {
    return new ApiRequest(method, url, headers, body, authenticated, t);
  }
}
