package dev.vigil.recording;

/**
 * How the request reached the service. Both kinds are probed because they see different things: a
 * fresh connection notices a restarted backend at once, a pooled one sees what a long-lived client
 * sees (e.g. connections reset when a worker dies).
 */
public enum Connection {
  /** A fresh TCP (and TLS) connection for each request: no keep-alive. */
  NEW,
  /** A keep-alive connection from a pool. */
  REUSED
}
