package dev.vigil.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.http.ApiAnswer;
import dev.vigil.http.ApiClient;
import dev.vigil.http.ApiRequest;
import dev.vigil.http.ApiUnreachable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads version documents without a token: every OpenStack API publishes one at its root, and they
 * tell which release is running (microversion maxima) even to a user who cannot log in.
 */
public final class VersionDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VERSION_SEGMENT = Pattern.compile("v\\d+(\\.\\d+)?");

  private final ApiClient api;

  public VersionDocuments(HttpClient http, Duration timeout) {
    this.api = new ApiClient(http, null, timeout);
  }

  /**
   * The unversioned root of a catalog URL: everything before its version segment, so
   * {@code http://h:8776/v3/abc} and a path prefix like {@code http://h/identity/v3} both work.
   */
  public static String root(String endpointUrl) {
    URI uri = URI.create(endpointUrl);
    String path = uri.getPath() == null ? "" : uri.getPath();
    StringBuilder kept = new StringBuilder();
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (VERSION_SEGMENT.matcher(segment).matches()) {
        break;
      }
      kept.append('/').append(segment);
    }
    return uri.getScheme() + "://" + uri.getRawAuthority() + kept + "/";
  }

  /** The document's URL for a service type: Swift's is /info, the others' the API root. */
  public static String documentUrl(String serviceType, String endpointUrl) {
    return root(endpointUrl) + ("object-store".equals(serviceType) ? "info" : "");
  }

  public VersionDocument fetch(String serviceType, String endpointUrl) {
    String url = documentUrl(serviceType, endpointUrl);
    ApiAnswer response;
    try {
      response = api.send(ApiRequest.get(url).anonymous());
    } catch (ApiUnreachable e) {
      return new VersionDocument(url, 0, List.of(), e.interrupted() ? "interrupted" : e.getMessage());
    }
    int status = response.status();
    // Cinder, Glance and Keystone answer their version list with 300 Multiple Choices.
    if (status >= 400) {
      return new VersionDocument(url, status, List.of(), "HTTP " + status);
    }
    try {
      return new VersionDocument(url, status, parse(serviceType, JSON.readTree(response.body())), null);
    } catch (IOException e) {
      return new VersionDocument(url, status, List.of(), "not a JSON version document");
    }
  }

  static List<ApiVersion> parse(String serviceType, JsonNode doc) {
    List<ApiVersion> versions = new ArrayList<>();
    if ("object-store".equals(serviceType)) {
      JsonNode swift = doc.path("swift");
      if (swift.hasNonNull("version")) {
        versions.add(new ApiVersion(swift.get("version").asText(), "CURRENT", null, null));
      }
      return versions;
    }
    JsonNode list = doc.path("versions");
    if (list.isObject()) {
      list = list.path("values"); // Keystone: {"versions": {"values": [...]}}
    }
    if (list.isArray()) {
      list.forEach(v -> versions.add(version(v)));
    } else if (doc.path("version").isObject()) {
      versions.add(version(doc.get("version"))); // a single version document, e.g. /v3
    }
    return versions;
  }

  private static ApiVersion version(JsonNode v) {
    String max = text(v, "version");
    if (max == null) {
      max = text(v, "max_version");
    }
    return new ApiVersion(text(v, "id"), text(v, "status"), text(v, "min_version"), max);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    // Nova lists v2.0 with version "" (no microversions): treat empty as absent.
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }
}
