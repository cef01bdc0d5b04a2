package dev.vigil.recording;

/** Why a request was sent. Only {@link #PROBE} traffic is used to measure uptime. */
public enum Traffic {
  /** A cheap read-only uptime probe sent at a fixed rate. */
  PROBE,
  /** A step of an availability flow (create, wait, read back, delete). */
  FLOW,
  /** Background load added with {@code --load}. */
  LOAD
}
