package dev.vigil.flow;

import com.fasterxml.jackson.databind.JsonNode;

/** What a waiting step's answer says of the resource's state, read as its {@link Poll} says. */
final class PollStatus {

  private PollStatus() {}

  /** The state, or null when the answer holds none (then the wait goes on). */
  static String state(Poll poll, byte[] body) {
    JsonNode doc = JsonBody.parse(body);
    return doc == null ? null : JsonBody.scalar(doc.at(poll.statusPointer()));
  }

  /**
   * The service's explanation of an error state as {@code " (…)"}, to append to a failure detail;
   * empty when the poll names none or the answer lacks it.
   */
  static String fault(Poll poll, byte[] body) {
    if (poll.faultPointer() == null) {
      return "";
    }
    JsonNode doc = JsonBody.parse(body);
    String fault = doc == null ? null : JsonBody.scalar(doc.at(poll.faultPointer()));
    return fault == null ? "" : " (" + fault + ")";
  }
}
