package dev.vigil.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.VigilException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * A refusal by an OpenStack API, as one line: what was asked, the HTTP status, and the service's
 * own reason (Nova's {@code {"forbidden": {"message": …}}}, Neutron's {@code NeutronError}, Cinder's
 * {@code overLimit}, Glance's and Swift's plain text), so a quota or policy refusal reads as such.
 */
public final class ApiError extends VigilException {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int status;
  private final String reason;
  private final String requestId;

  ApiError(String what, Reply reply) {
    this(what, reply.status(), reason(reply.body()), reply.requestId());
  }

  private ApiError(String what, int status, String reason, String requestId) {
    super(what + ": HTTP " + status + (reason.isEmpty() ? "" : " " + reason) + (requestId == null ? "" : " (request " + requestId + ")")
        + hint(status, reason));
    this.status = status;
    this.reason = reason;
    this.requestId = requestId;
  }

  public int status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public String requestId() {
    return requestId;
  }

  /** True when the refusal is a quota: Nova 403, Cinder 413, Neutron 409 OverQuota all say "quota". */
  public boolean quota() {
    String r = reason.toLowerCase(java.util.Locale.ROOT);
    return status == 413 || r.contains("quota") || r.contains("overquota");
  }

  private static String hint(int status, String reason) {
    String r = reason.toLowerCase(java.util.Locale.ROOT);
    if (status == 413 || r.contains("quota")) {
      return "; raise the project's quota (openstack quota show) or free resources";
    }
    if (status == 401 || status == 403) {
      return "; the user's role may not allow this: Vigil needs the member role in its project";
    }
    return "";
  }

  /** The service's message from an error body, on one line. */
  static String reason(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return "";
    }
    try {
      JsonNode root = JSON.readTree(text);
      String found = message(root, 0);
      if (found != null) {
        return oneLine(found);
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not JSON: Glance and Swift answer errors as text or HTML
    }
    return oneLine(text.replaceAll("<[^>]*>", " "));
  }

  private static String message(JsonNode node, int depth) {
    if (node == null || !node.isObject() || depth > 3) {
      return null;
    }
    JsonNode type = node.get("type");
    JsonNode msg = node.get("message");
    if (msg != null && msg.isTextual()) {
      return type != null && type.isTextual() ? type.asText() + ": " + msg.asText() : msg.asText();
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      String inner = message(it.next(), depth + 1);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  private static String oneLine(String s) {
    String line = s.replaceAll("\\s+", " ").strip();
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
