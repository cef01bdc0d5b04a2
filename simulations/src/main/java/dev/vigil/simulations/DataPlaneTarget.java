package dev.vigil.simulations;

import dev.vigil.VigilException;
import java.net.URI;
import java.util.Optional;

/**
 * A workload probed during the window besides the APIs (requirement 21): what users of the cloud
 * reach without it, e.g. a web server behind a floating IP, an SSH port, an object in Swift.
 *
 * @param service how it is reported: {@code data-plane:<as given>}, so each target has its own
 *     outage intervals in result.json
 * @param kind http (any answer below 500 is up), tcp (a connection is up) or swift (a GET of the
 *     object with the user's token must answer 200)
 * @param url the URL to GET, or {@code tcp://host:port}
 */
public record DataPlaneTarget(String service, String kind, String url) {

  public static final String PREFIX = "data-plane:";

  /**
   * Reads a target as the user writes it: {@code http(s)://…}, {@code tcp://HOST:PORT}, or
   * {@code swift:CONTAINER/OBJECT} (read through the object-store endpoint).
   *
   * @param objectStore the object-store endpoint of the catalog, when there is one
   */
  public static DataPlaneTarget parse(String spec, Optional<String> objectStore) {
    String s = spec.strip();
    if (s.startsWith("http://") || s.startsWith("https://")) {
      URI uri = uri(s);
      if (uri.getHost() == null) {
        throw bad(spec, "no host");
      }
      return new DataPlaneTarget(PREFIX + s, "http", s);
    }
    if (s.startsWith("tcp://")) {
      URI uri = uri(s);
      if (uri.getHost() == null || uri.getPort() < 1) {
        throw bad(spec, "write tcp://HOST:PORT");
      }
      return new DataPlaneTarget(PREFIX + s, "tcp", s);
    }
    if (s.startsWith("swift:")) {
      String path = s.substring("swift:".length());
      int slash = path.indexOf('/');
      if (slash < 1 || slash == path.length() - 1) {
        throw bad(spec, "write swift:CONTAINER/OBJECT");
      }
      String endpoint = objectStore.orElseThrow(
          () -> new VigilException("--data-plane " + spec + ": the cloud's catalog has no object-store endpoint to read it from"));
      return new DataPlaneTarget(PREFIX + s, "swift", (endpoint.endsWith("/") ? endpoint : endpoint + "/") + path);
    }
    throw bad(spec, "write http(s)://…, tcp://HOST:PORT or swift:CONTAINER/OBJECT");
  }

  public String host() {
    return URI.create(url).getHost();
  }

  public int port() {
    return URI.create(url).getPort();
  }

  private static URI uri(String s) {
    try {
      return URI.create(s);
    } catch (IllegalArgumentException e) {
      throw bad(s, e.getMessage());
    }
  }

  private static VigilException bad(String spec, String why) {
    return new VigilException("--data-plane " + spec + " is not a target: " + why);
  }
}
