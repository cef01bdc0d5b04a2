package dev.vigil.http;

/**
 * Puts a path (a probe's, a flow step's) under its service's catalog endpoint. Catalogs list endpoints with and without
 * a trailing slash, and paths are written with and without a leading one; the request must carry
 * exactly one slash between them either way.
 */
public final class UrlJoin {

  private UrlJoin() {}

  /** An empty path is the endpoint itself, as it stands (e.g. a version document). */
  public static String join(String endpoint, String path) {
    if (path.isEmpty()) {
      return endpoint;
    }
    return (endpoint.endsWith("/") ? endpoint : endpoint + "/") + (path.startsWith("/") ? path.substring(1) : path);
  }
}
