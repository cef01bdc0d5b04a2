package dev.vigil.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code token:} Keystone token handling.
 *
 * @param refreshMargin refresh a token this long before it expires, so that no probe fails
 *     because its token ran out mid-request [300s]
 */
public record TokenSettings(Duration refreshMargin) {

  public TokenSettings {
    Objects.requireNonNull(refreshMargin, "refreshMargin");
  }

  public static TokenSettings defaults() {
    return new TokenSettings(Duration.ofSeconds(300));
  }
}
