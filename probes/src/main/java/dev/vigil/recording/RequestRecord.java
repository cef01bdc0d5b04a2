package dev.vigil.recording;

import java.util.Objects;

/**
 * One completed request, as handed to the {@link RunRecorder} by a simulation.
 *
 * <p>{@code ok} is the probe's own judgement (its checks passed); it feeds the failure counts.
 * Uptime uses the stricter rule of {@link ErrorKind#countsAsOutage()} instead, so a 404 is a
 * failure but not an outage.
 *
 * @param startMs when the request was sent (epoch ms); outages are stamped with start times
 * @param endMs when the answer (or the error) came (epoch ms)
 * @param service catalog type, e.g. {@code identity}, {@code compute}
 * @param request stable short name, e.g. {@code list-servers}: bounded, never holds ids
 * @param method HTTP method
 * @param traffic why it was sent
 * @param connection fresh or pooled connection
 * @param status HTTP status, 0 if there was no answer
 * @param error what went wrong, {@link ErrorKind#NONE} if nothing
 * @param ok whether the probe judged the answer good
 * @param requestId {@code x-openstack-request-id} or {@code x-compute-request-id}, or null
 */
public record RequestRecord(
    long startMs,
    long endMs,
    String service,
    String request,
    String method,
    Traffic traffic,
    Connection connection,
    int status,
    ErrorKind error,
    boolean ok,
    String requestId) {

  public RequestRecord {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(traffic, "traffic");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(error, "error");
    // The file format cannot tell "" from absent, so absent is always null.
    if (requestId != null && requestId.isEmpty()) {
      requestId = null;
    }
  }

  /**
   * A record whose error kind is derived with {@link ErrorKind#classify(int, String, boolean)} and
   * whose {@code ok} is "no error"; the usual way for a simulation to build one.
   */
  public static RequestRecord of(long startMs, long endMs, String service, String request, String method,
      Traffic traffic, Connection connection, int status, String failureMessage, boolean tokenValid,
      String requestId) {
    ErrorKind error = ErrorKind.classify(status, failureMessage, tokenValid);
    return new RequestRecord(startMs, endMs, service, request, method, traffic, connection, status, error,
        error == ErrorKind.NONE, requestId);
  }

  /**
   * An uptime probe that was due at {@code dueMs} and not sent: the in-flight cap of its service and
   * connection kind was reached ({@link ErrorKind#HELD_BACK}).
   */
  public static RequestRecord heldBack(long dueMs, String service, String request, String method, Connection connection) {
    return new RequestRecord(dueMs, dueMs, service, request, method, Traffic.PROBE, connection, 0, ErrorKind.HELD_BACK, false, null);
  }

  /** Whether this probe was due and not sent (the in-flight cap). */
  public boolean isHeldBack() {
    return error == ErrorKind.HELD_BACK;
  }

  /** End minus start, never negative (a clock step back must not make a negative latency). */
  public long latencyMs() {
    return Math.max(0, endMs - startMs);
  }

  /** Whether this is an uptime probe that failed by the uptime rule. */
  public boolean isProbeFailure() {
    return traffic == Traffic.PROBE && error.countsAsOutage();
  }
}
