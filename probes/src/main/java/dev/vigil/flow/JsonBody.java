package dev.vigil.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * An answer's body read as JSON. A service mid-upgrade answers with HTML error pages, plain text or
 * nothing at all; such a body is no error here, it simply holds no values, and the judging says what
 * was missing.
 */
final class JsonBody {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonBody() {}

  /** The document, or null for an empty body or one that is not JSON. */
  static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** A scalar's text, or null for an object, an array or a missing node: no id or state is one. */
  static String scalar(JsonNode node) {
    return node.isValueNode() ? node.asText() : null;
  }
}
