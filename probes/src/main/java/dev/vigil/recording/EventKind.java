package dev.vigil.recording;

/** What an {@link EventRecord} marks. */
public enum EventKind {
  /** The window starts ({@code text} = {@code start}) or ends ({@code text} = {@code end}). */
  WINDOW,
  /**
   * A phase begins; {@code text} is its name (e.g. {@code before}, {@code during}, {@code after}).
   * A phase lasts until the next PHASE event or the end of the window.
   */
  PHASE,
  /** A step taken by the upgrade driver (e.g. "restart keystone on ctl-1"). */
  DRIVER,
  /** A mark set by the user or the caller, shown on timelines. */
  MARK,
  /** Free text worth keeping with the run (e.g. a circuit breaker opened). */
  NOTE,
  /** Written by the recorder itself when it closes: {@code written=N lost=M}. */
  RECORDER,
  /**
   * A load-balancer server's state as the balancer reports it, at the window's start and at each
   * change: {@code text} is {@code BACKEND/SERVER STATE} (see {@link BalancerState}), {@code service}
   * the catalog type the backend serves, or null when it serves none Vigil knows.
   */
  BALANCER
}
