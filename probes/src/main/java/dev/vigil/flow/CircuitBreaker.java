package dev.vigil.flow;

/**
 * Stops a service's flows after {@code threshold} consecutive failed flows, so a broken service is
 * not flooded with half-made resources (requirement 12). It stays open for the rest of the window:
 * a cloud mid-upgrade that broke a service is worth a human look, not a retry storm. Thread-safe.
 */
public final class CircuitBreaker {

  private final int threshold;
  private int consecutive;
  private boolean open;
  private String lastFailure;

  /** @param threshold consecutive failures that open it; 0 or less: never opens */
  public CircuitBreaker(int threshold) {
    this.threshold = threshold;
  }

  /**
   * Counts a finished flow.
   *
   * @param failure the flow's failure, or null when it went well
   * @return true exactly once: when this failure opened the breaker
   */
  public synchronized boolean record(String failure) {
    if (open) {
      return false;
    }
    if (failure == null) {
      consecutive = 0;
      return false;
    }
    consecutive++;
    lastFailure = failure;
    if (threshold > 0 && consecutive >= threshold) {
      open = true;
      return true;
    }
    return false;
  }

  public synchronized boolean isOpen() {
    return open;
  }

  public synchronized int consecutiveFailures() {
    return consecutive;
  }

  public synchronized String lastFailure() {
    return lastFailure;
  }

  public int threshold() {
    return threshold;
  }
}
