package dev.vigil.flow;

import dev.vigil.recording.FlowOutcome;

/**
 * What one flow knows about a resource it created, and the outcome that earns it. Mutable, and
 * guarded by its {@link FlowExecution}'s lock: the flow's steps fill it in as answers come.
 */
final class TrackedResource {

  final String var;
  /** Null when the create was accepted without an id: the sweep finds it by name. */
  final String id;
  final String requestId;
  final long acceptedMs;
  boolean ready;
  boolean deleted;
  boolean gone;
  /** Why it failed, or null; the first reason wins. */
  String failure;
  /** Why it is lost, or null. */
  String lost;
  /** The state a wait saw last, to say where it was stuck. */
  String lastState;

  TrackedResource(String var, String id, String requestId, long acceptedMs) {
    this.var = var;
    this.id = id;
    this.requestId = requestId;
    this.acceptedMs = acceptedMs;
  }

  /** An outcome and why (empty when honoured); not yet clipped. */
  record Verdict(FlowOutcome outcome, String detail) {}

  /**
   * The outcome by the rules of {@link FlowExecution}: a failure beats a loss, and a resource that
   * never got ready fails with the flow's own failure.
   *
   * @param flowFailure the flow's first failure, or null
   */
  Verdict verdict(String flowFailure) {
    FlowOutcome outcome;
    String detail;
    if (failure != null) {
      outcome = FlowOutcome.FAILED;
      detail = failure;
    } else if (lost != null) {
      outcome = FlowOutcome.LOST;
      detail = lost;
    } else if (!ready) {
      outcome = FlowOutcome.FAILED;
      detail = "the flow stopped before it was ready: " + flowFailure;
    } else if (!gone) {
      outcome = FlowOutcome.LOST;
      detail = "not deleted";
    } else {
      outcome = FlowOutcome.HONOURED;
      detail = "";
    }
    if (outcome != FlowOutcome.HONOURED) {
      detail += gone ? "; since deleted" : "; left for the cleanup";
    }
    return new Verdict(outcome, detail);
  }
}
