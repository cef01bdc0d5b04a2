package dev.vigil.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps a valid token for windows that last hours. A daemon thread renews it {@code refreshMargin}
 * before it expires; readers never wait for Keystone, they take the current token. When Keystone
 * is down at renewal time the old token stays in use while it is valid and renewal is retried every
 * {@code retryEvery}, so a Keystone outage never ends a window.
 */
public final class IdentitySession implements AutoCloseable {

  private final KeystoneClient keystone;
  private final Duration refreshMargin;
  private final Duration retryEvery;
  private final Clock clock;
  private final Consumer<String> log;
  private final ScheduledExecutorService timer;
  private volatile Token token;
  private volatile int renewals;

  private IdentitySession(
      KeystoneClient keystone, Token first, Duration refreshMargin, Duration retryEvery, Clock clock, Consumer<String> log) {
    this.keystone = keystone;
    this.token = first;
    this.refreshMargin = refreshMargin;
    this.retryEvery = retryEvery;
    this.clock = clock;
    this.log = log;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vigil-token-renewal");
              t.setDaemon(true);
              return t;
            });
    schedule(delayUntilRenewal(first));
  }

  /**
   * Authenticates (waiting up to {@code patience} for a Keystone that is briefly down) and starts
   * renewing.
   */
  public static IdentitySession open(
      KeystoneClient keystone, Duration patience, Duration refreshMargin, Consumer<String> log) {
    Token first = keystone.authenticate(patience);
    return new IdentitySession(keystone, first, refreshMargin, Duration.ofSeconds(2), Clock.systemUTC(), log);
  }

  public Token token() {
    return token;
  }

  /** How many times the token was renewed since the session opened. */
  public int renewals() {
    return renewals;
  }

  private Duration delayUntilRenewal(Token t) {
    // A margin longer than the token's whole life (short-lived tokens) still leaves half of it.
    Duration margin = refreshMargin.compareTo(t.lifetime()) >= 0 ? t.lifetime().dividedBy(2) : refreshMargin;
    Duration delay = Duration.between(clock.instant(), t.expiresAt().minus(margin));
    return delay.isNegative() ? Duration.ZERO : delay;
  }

  private void schedule(Duration delay) {
    if (!timer.isShutdown()) {
      timer.schedule(this::renew, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void renew() {
    try {
      Token fresh = keystone.authenticateOnce();
      token = fresh;
      renewals++;
      schedule(delayUntilRenewal(fresh));
    } catch (RuntimeException e) {
      Instant now = clock.instant();
      String state = token.isValidAt(now) ? "the current token stays in use until " + token.expiresAt() : "the token has expired";
      log.accept("token renewal failed (" + e.getMessage() + "); " + state + "; retrying in " + retryEvery.toSeconds() + " s");
      schedule(retryEvery);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
