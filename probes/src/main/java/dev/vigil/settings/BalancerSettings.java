package dev.vigil.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code balancer:} the load balancer whose view of the servers a run records (docs/run.md, "The
 * load balancer's view").
 *
 * @param haproxy HAProxy's runtime socket (a path) or its stats page ({@code http(s)://…}), or null
 *     for none
 * @param every how often its states are read [1s]
 */
public record BalancerSettings(String haproxy, Duration every) {

  public BalancerSettings {
    Objects.requireNonNull(every, "every");
  }

  public static BalancerSettings defaults() {
    return new BalancerSettings(null, Duration.ofSeconds(1));
  }

  public boolean enabled() {
    return haproxy != null;
  }
}
