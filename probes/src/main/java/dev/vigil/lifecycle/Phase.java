package dev.vigil.lifecycle;

/** The phases of an upgrade window, in order. */
public enum Phase {
  /** Baseline: the cloud as it was before the upgrade started. */
  BEFORE,
  /** The upgrade is under way. */
  DURING,
  /** The upgrade has finished. */
  AFTER
}
