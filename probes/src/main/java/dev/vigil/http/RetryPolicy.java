package dev.vigil.http;

import java.time.Duration;

/**
 * When {@link ApiClient} tries a request again, for callers that must get through a service's
 * restart (validators, resource set-up and clean-up; never the measured traffic, whose every try
 * is evidence). A request that provably reached no service may always be repeated: a refused
 * connection, or a 503 without a request id (the load balancer had no server up). An idempotent
 * one may also be repeated on other transport failures that waiting can mend and on the answers in
 * {@link #TRANSIENT}. A POST that may have reached a service is never repeated: it could create a
 * second resource that nothing deletes.
 *
 * @param patience how long tries go on, from the first
 * @param firstPause the pause after the first failed try; it doubles up to {@code maxPause}
 */
public record RetryPolicy(Duration patience, Duration firstPause, Duration maxPause) {

  /**
   * Answers worth another try for a request that may be repeated: HAProxy's 502/503/504 while a
   * backend restarts, and 500, which an API answers while its database or a service it calls is
   * being upgraded (Nova answered 500 to a server list during the lab's package upgrade).
   */
  public static final java.util.Set<Integer> TRANSIENT = java.util.Set.of(500, 502, 503, 504);

  /** One try only. */
  public static final RetryPolicy ONCE = new RetryPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO);

  public static RetryPolicy until(Duration patience) {
    return new RetryPolicy(patience, Duration.ofMillis(250), Duration.ofSeconds(2));
  }

  /** Whether an answer is worth another try of this request (the time left aside). */
  public boolean retries(ApiRequest request, ApiAnswer answer) {
    boolean reachedNoService = answer.status() == 503 && answer.requestId() == null;
    return reachedNoService || (request.idempotent() && TRANSIENT.contains(answer.status()));
  }

  /** Whether a request that got no answer is worth another try (the time left aside). */
  public boolean retries(ApiRequest request, ApiUnreachable failure) {
    if (failure.interrupted() || !failure.failure().mendable()) {
      return false; // a wrong host name, a TLS mismatch: no wait mends them
    }
    return failure.failure().refused() || request.idempotent();
  }

  Duration pause(int failedTries) {
    long millis = firstPause.toMillis() << Math.min(failedTries - 1, 16);
    return Duration.ofMillis(Math.min(millis, maxPause.toMillis()));
  }
}
