package dev.vigil.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.VigilException;
import dev.vigil.cloud.Auth;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.http.Urls;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what a final (non-2xx, non-5xx) answer to the token request means. Keystone's own refusals
 * carry {@code {"error": {"code": …}}}; anything else answering at the token URL is another service
 * (Nova's version list answers 300 at every unknown path), so the user is pointed at auth_url, not
 * at the scope.
 */
final class KeystoneRefusal {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern KEYSTONE_URI = Pattern.compile("Keystone uri=['\"]([^'\"]+)['\"]");
  private static final Pattern MEDIA_TYPE = Pattern.compile("vnd\\.openstack\\.([a-z-]+?)(?:-v\\d+)?\\+");

  private final CloudConfig cloud;
  private final String url;

  /**
   * @param url the token URL that answered
   */
  KeystoneRefusal(CloudConfig cloud, String url) {
    this.cloud = cloud;
    this.url = url;
  }

  /**
   * @param location the Location header, for redirects
   * @param authenticate the WWW-Authenticate header: Keystone names itself there, and so does every
   *     service behind keystonemiddleware, with Keystone's address
   */
  VigilException of(int status, String body, Optional<String> location, Optional<String> authenticate) {
    JsonNode error = keystoneError(body);
    if (status == 300) {
      return notKeystone("answered HTTP 300 with a list of API versions (" + versionIds(body) + serviceKind(body) + ")",
          suggestion(body));
    }
    if (status >= 301 && status <= 308) {
      String to = location.map(Urls::redact).orElse("nowhere");
      return new VigilException(
          shown() + " answered HTTP " + status + ", a redirect to " + to + ": auth_url of cloud \"" + cloud.name() + "\" must be"
              + " Keystone's own URL (Vigil does not follow redirects with credentials); write the URL it redirects to"
              + sourceHint());
    }
    if (error == null) {
      return notKeystone("answered HTTP " + status + ", not in Keystone's way", "e.g. https://keystone.example.com:5000/v3");
    }
    String says = message(error);
    if (status == 404 && cloud.auth() instanceof Auth.ApplicationCredential a) {
      return new VigilException(
          "unknown application credential " + (a.id() != null ? a.id() : "\"" + a.name() + "\"") + ": Keystone at " + shown()
              + " has none (HTTP 404" + says + "); check application_credential_" + (a.id() != null ? "id" : "name")
              + " of cloud \"" + cloud.name() + "\"" + sourceHint() + ", or create one with: openstack application credential"
              + " create vigil");
    }
    if (status == 401) {
      return new VigilException(
          "authentication failed for " + who() + " at " + shown() + " (HTTP 401" + says + "): " + elsewhere(authenticate)
              + "check the credentials of cloud \"" + cloud.name() + "\"" + sourceHint());
    }
    if (status == 404) {
      return new VigilException(
          "Keystone at " + shown() + " found no such user, project or domain for " + who() + " (HTTP 404" + says
              + "): check the names and ids of cloud \"" + cloud.name() + "\"" + sourceHint());
    }
    return new VigilException(
        "Keystone at " + shown() + " refused the token request for " + who() + " (HTTP " + status + says
            + "): check the scope (project/domain) of cloud \"" + cloud.name() + "\"" + sourceHint());
  }

  /**
   * Cinder, Nova... behind keystonemiddleware answer any unauthenticated request with Keystone's
   * 401 and {@code WWW-Authenticate: Keystone uri="<Keystone>"}: when that address is not the one
   * asked, the request most likely went to another service.
   */
  private String elsewhere(Optional<String> authenticate) {
    Matcher m = KEYSTONE_URI.matcher(authenticate.orElse(""));
    if (!m.find()) {
      return "";
    }
    try {
      URI named = URI.create(m.group(1));
      URI asked = URI.create(url);
      if (named.getHost() == null || (named.getHost() + ":" + port(named)).equals(asked.getHost() + ":" + port(asked))) {
        return "";
      }
      String keystone = Urls.redact(KeystoneClient.v3Url(m.group(1)));
      return "the answer names Keystone at " + Urls.redact(m.group(1)) + ", not this address: if auth_url points at another"
          + " service, did you mean " + keystone + "? Otherwise, ";
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private VigilException notKeystone(String what, String suggestion) {
    return new VigilException(
        "auth_url of cloud \"" + cloud.name() + "\" is not Keystone's v3 endpoint: " + shown() + " " + what + "; "
            + suggestion + sourceHint());
  }

  /** Keystone's own v3 link when the version list has one, else Keystone's usual port on the same host. */
  private String suggestion(String body) {
    for (JsonNode version : versions(body)) {
      String id = version.path("id").asText("");
      boolean identity = version.path("media-types").toString().contains("identity");
      if (id.startsWith("v3") && identity) {
        for (JsonNode link : version.path("links")) {
          if ("self".equals(link.path("rel").asText())) {
            return "did you mean " + Urls.redact(link.path("href").asText().replaceAll("/+$", "")) + "?";
          }
        }
      }
    }
    try {
      URI u = URI.create(url);
      return "another service answers there; did you mean " + u.getScheme() + "://" + u.getHost() + ":5000/v3 (Keystone's usual"
          + " port)?";
    } catch (IllegalArgumentException e) {
      return "point auth_url at Keystone, e.g. https://keystone.example.com:5000/v3";
    }
  }

  /** ", of compute" from a media type such as application/vnd.openstack.compute+json, when one says. */
  private static String serviceKind(String body) {
    for (JsonNode version : versions(body)) {
      Matcher m = MEDIA_TYPE.matcher(version.path("media-types").toString());
      if (m.find()) {
        return " of " + m.group(1);
      }
    }
    return "";
  }

  private static String versionIds(String body) {
    List<String> ids = new ArrayList<>();
    for (JsonNode version : versions(body)) {
      ids.add(version.path("id").asText("?"));
    }
    return ids.isEmpty() ? "unreadable" : String.join(", ", ids);
  }

  /**
   * Keystone nests the list under versions.values; Glance, Cinder... put it under versions, Nova's
   * 300 under choices.
   */
  private static List<JsonNode> versions(String body) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode root = parse(body);
    JsonNode list = root == null ? null : root.has("choices") ? root.get("choices") : root.path("versions");
    if (list != null && list.has("values")) {
      list = list.get("values");
    }
    if (list != null && list.isArray()) {
      list.forEach(out::add);
    }
    return out;
  }

  private static JsonNode keystoneError(String body) {
    JsonNode root = parse(body);
    JsonNode error = root == null ? null : root.get("error");
    return error != null && error.isObject() && error.path("code").isInt() ? error : null;
  }

  private static String message(JsonNode error) {
    JsonNode msg = error.path("message");
    return msg.isTextual() ? ": " + msg.asText() : "";
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private String shown() {
    return Urls.redact(url);
  }

  private String sourceHint() {
    return cloud.source() == null ? " (OS_* environment variables)" : " in " + cloud.source();
  }

  private String who() {
    if (cloud.auth() instanceof Auth.Password p) {
      return "user " + (p.username() != null ? p.username() : p.userId());
    }
    Auth.ApplicationCredential a = (Auth.ApplicationCredential) cloud.auth();
    return "application credential " + (a.id() != null ? a.id() : a.name());
  }
}
