package dev.vigil.flow;

import dev.vigil.recording.ErrorKind;

/**
 * What came back, as an interpreter saw it.
 *
 * @param status HTTP status, 0 when there was no answer
 * @param requestId x-openstack-request-id or x-compute-request-id, or null
 * @param body the answer's body when the step needs it, else null or empty
 * @param startMs when the request was sent (epoch ms)
 * @param endMs when the answer, or the error, came
 * @param transport with status 0: CONNECT or TIMEOUT; ignored otherwise
 */
public record FlowResponse(int status, String requestId, byte[] body, long startMs, long endMs, ErrorKind transport) {

  public static FlowResponse noAnswer(ErrorKind kind, long startMs, long endMs) {
    return new FlowResponse(0, null, null, startMs, endMs, kind);
  }

  String describe() {
    return status == 0 ? "no answer (" + (transport == null ? ErrorKind.CONNECT : transport).name().toLowerCase(java.util.Locale.ROOT) + ")" : "HTTP " + status;
  }
}
