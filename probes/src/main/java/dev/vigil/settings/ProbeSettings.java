package dev.vigil.settings;

import dev.vigil.recording.Connection;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * {@code probe:} how hard and how patiently Vigil polls each service's API.
 *
 * @param ratePerService requests per second sent to each service [10/s]
 * @param timeout how long one request may take before it counts as failed [10s]
 * @param connections which connections to measure: a fresh TCP+TLS connection per request (new),
 *     a kept-alive pool (reused), or both [both]; both matters because an upgrade that restarts a
 *     proxy breaks reused connections first
 */
public record ProbeSettings(Rate ratePerService, Duration timeout, Set<Connection> connections) {

  public ProbeSettings {
    Objects.requireNonNull(ratePerService, "ratePerService");
    Objects.requireNonNull(timeout, "timeout");
    connections = Set.copyOf(connections);
    if (connections.isEmpty()) {
      throw new IllegalArgumentException("probe.connections must name new, reused or both");
    }
  }

  public static ProbeSettings defaults() {
    return new ProbeSettings(
        Rate.perSecond(10), Duration.ofSeconds(10), Set.of(Connection.NEW, Connection.REUSED));
  }
}
