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
 * @param maxInFlight probes in flight at most per service and connection kind [10]: at the cap the
 *     probe due is not sent but recorded as held back, so a slowing API is not buried under
 *     requests that pile up (10 keeps the default 10 probes/s flowing while answers take up to 1 s)
 */
public record ProbeSettings(Rate ratePerService, Duration timeout, Set<Connection> connections, int maxInFlight) {

  public static final int DEFAULT_MAX_IN_FLIGHT = 10;

  public ProbeSettings {
    Objects.requireNonNull(ratePerService, "ratePerService");
    Objects.requireNonNull(timeout, "timeout");
    connections = Set.copyOf(connections);
    if (connections.isEmpty()) {
      throw new IllegalArgumentException("probe.connections must name new, reused or both");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("probe.max_in_flight must be at least 1");
    }
  }

  /** With the default in-flight cap. */
  public ProbeSettings(Rate ratePerService, Duration timeout, Set<Connection> connections) {
    this(ratePerService, timeout, connections, DEFAULT_MAX_IN_FLIGHT);
  }

  public static ProbeSettings defaults() {
    return new ProbeSettings(
        Rate.perSecond(10), Duration.ofSeconds(10), Set.of(Connection.NEW, Connection.REUSED));
  }
}
