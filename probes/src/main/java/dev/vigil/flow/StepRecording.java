package dev.vigil.flow;

import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.Traffic;

/** The record of one request a flow step sent, judged as the flow judged its answer. */
final class StepRecording {

  private StepRecording() {}

  /**
   * @param flowService the flow's service, under which the request is recorded
   * @param ok whether the flow judged the answer good
   */
  static RequestRecord of(String flowService, Step step, FlowResponse r, boolean ok, Traffic traffic) {
    ErrorKind error;
    if (r.status() == 0) {
      error = r.transport() == null ? ErrorKind.CONNECT : r.transport();
    } else {
      error = ErrorKind.ofStatus(r.status(), true);
      if (error == ErrorKind.NONE && !ok) {
        error = ErrorKind.OTHER;
      }
    }
    // A 404 that a gone-wait or a delete asked for is an answer as it should be.
    boolean good = ok && (error == ErrorKind.NONE || r.status() == 404);
    if (r.status() == 404 && good) {
      error = ErrorKind.NONE;
    }
    // Under the flow's service even when the step asks another one (compute's find-image asks Glance):
    // the request is part of that flow, and the other service may not be observed in this window.
    return new RequestRecord(r.startMs(), r.endMs(), flowService, step.name(), step.method(), traffic,
        Connection.REUSED, r.status(), error, good, r.requestId());
  }
}
