package dev.vigil.health;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * What a request got back.
 *
 * @param status the HTTP status, 0 when nothing answered
 * @param body the response body (empty on error)
 * @param error why nothing answered, or null
 */
record HealthAnswer(int status, byte[] body, String error, Duration took) {

  boolean is(Set<Integer> expected) {
    return error == null && expected.contains(status);
  }

  /** {@code HTTP 503 in 12 ms}, with the start of the body, which often names the cause. */
  String describe() {
    if (error != null) {
      return error;
    }
    String text = new String(body, StandardCharsets.UTF_8).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    return "HTTP " + status + " in " + took.toMillis() + " ms" + (status >= 400 && !text.isEmpty() ? ": " + abbreviate(text, 160) : "");
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
