package dev.vigil.flow;

/**
 * Puts a step's path under its service's catalog endpoint. Catalogs list endpoints with and without
 * a trailing slash, and flows write paths with and without a leading one; the request must carry
 * exactly one slash between them either way.
 */
final class UrlJoin {

  private UrlJoin() {}

  /** An empty path is the endpoint itself, as it stands (e.g. a version document). */
  static String join(String endpoint, String path) {
    if (path.isEmpty()) {
      return endpoint;
    }
    return (endpoint.endsWith("/") ? endpoint : endpoint + "/") + (path.startsWith("/") ? path.substring(1) : path);
  }
}
