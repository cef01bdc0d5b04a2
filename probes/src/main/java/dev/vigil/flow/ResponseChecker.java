package dev.vigil.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Judges an answer's body by a step's read-back {@link ResponseCheck}s. */
final class ResponseChecker {

  private ResponseChecker() {}

  /**
   * The first check the body fails, as a failure detail, or null when it passes them all.
   *
   * @param writtenMd5 the MD5 of the payload the flow wrote; null when it wrote none, and then a
   *     payload check has nothing to compare with and passes
   */
  static String problem(Step step, byte[] body, Map<String, String> vars, String writtenMd5) {
    JsonNode doc = null; // parsed only for a JSON check: a payload read back is usually not JSON
    for (ResponseCheck c : step.checks()) {
      if (c.kind() == ResponseCheck.Kind.PAYLOAD_MD5) {
        String got = Md5.hex(body == null ? new byte[0] : body);
        if (writtenMd5 != null && !writtenMd5.equals(got)) {
          return step.name() + ": the bytes read back differ from those written (md5 " + got + ", wrote " + writtenMd5 + ")";
        }
      } else {
        if (doc == null) {
          doc = JsonBody.parse(body);
        }
        String want = c.expected().render(vars);
        String got = doc == null ? null : doc.at(c.pointer()).asText(null);
        if (!want.equals(got)) {
          return step.name() + ": " + c.pointer() + " is " + (got == null ? "missing" : "\"" + got + "\"") + ", expected \"" + want + "\"";
        }
      }
    }
    return null;
  }
}
