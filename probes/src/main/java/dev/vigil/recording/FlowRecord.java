package dev.vigil.recording;

import java.util.Objects;

/**
 * The end of one accepted create request, followed until a terminal state.
 *
 * @param service catalog type
 * @param flow stable flow name, e.g. {@code boot-server}
 * @param requestId the request id of the accepted create, or null if the service sent none
 * @param resourceId the created resource's id, or null if unknown
 * @param acceptedMs when the create was accepted (epoch ms)
 * @param endMs when the outcome was decided (epoch ms)
 * @param outcome honoured, failed or lost
 * @param detail short human text (e.g. the error state's fault message); empty if none
 */
public record FlowRecord(
    String service,
    String flow,
    String requestId,
    String resourceId,
    long acceptedMs,
    long endMs,
    FlowOutcome outcome,
    String detail) {

  public FlowRecord {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(outcome, "outcome");
    requestId = requestId == null || requestId.isEmpty() ? null : requestId;
    resourceId = resourceId == null || resourceId.isEmpty() ? null : resourceId;
    detail = detail == null ? "" : detail;
  }
}
