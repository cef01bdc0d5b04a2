package dev.vigil.flow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The service's own words for a refusal. A bare "HTTP 400" does not tell an operator that the
 * flavor is too small for the image; OpenStack services put that in a {@code message} field, at a
 * depth that differs from service to service.
 */
final class ServiceMessage {

  private ServiceMessage() {}

  /** The first non-blank message as {@code " (…)"}, on one line; empty for a success or none. */
  static String of(FlowResponse r) {
    if (r.status() < 400) {
      return "";
    }
    JsonNode doc = JsonBody.parse(r.body());
    if (doc == null) {
      return "";
    }
    for (JsonNode n : doc.findValues("message")) {
      if (n.isTextual() && !n.asText().isBlank()) {
        return " (" + DetailText.clip(n.asText().strip().replaceAll("\\s+", " ")) + ")";
      }
    }
    return "";
  }
}
