package dev.vigil.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code phases:} the quiet periods measured around the upgrade, which give the baseline the
 * upgrade is compared with.
 *
 * @param before measured before the upgrade starts [60s]
 * @param after measured after it ends [60s]
 */
public record PhaseSettings(Duration before, Duration after) {

  public PhaseSettings {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  public static PhaseSettings defaults() {
    return new PhaseSettings(Duration.ofSeconds(60), Duration.ofSeconds(60));
  }
}
