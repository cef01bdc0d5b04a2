package dev.vigil.recording;

/** How an accepted create request ended. */
public enum FlowOutcome {
  /** The resource reached its ready state (and was read back). */
  HONOURED,
  /** The resource reached an error state, or the service answered that it failed. */
  FAILED,
  /** Accepted, but it never reached a terminal state within the grace time. */
  LOST
}
