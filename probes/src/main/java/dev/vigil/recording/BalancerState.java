package dev.vigil.recording;

import java.util.Optional;

/**
 * One server of a load-balancer backend in one state (HAProxy's: UP, DOWN, MAINT, DRAIN, NOLB, or a
 * transition such as "UP 1/3"), as a BALANCER event carries it.
 *
 * @param state the state as the balancer wrote it
 */
public record BalancerState(String backend, String server, String state) {

  /** The event for this state at {@code timestampMs}, for the service the backend serves (or null). */
  public EventRecord event(long timestampMs, String service) {
    return new EventRecord(timestampMs, EventKind.BALANCER, service, backend + "/" + server + " " + state);
  }

  /** The state's first word: UP, DOWN, MAINT, DRAIN, NOLB …; "UP 1/3" (going down) reads UP. */
  public String word() {
    return word(state);
  }

  /** The first word of a state as HAProxy writes it (see {@link #word()}). */
  public static String word(String state) {
    int space = state.indexOf(' ');
    return space < 0 ? state : state.substring(0, space);
  }

  /** The state a BALANCER event carries; empty for another kind or a text that is not one. */
  public static Optional<BalancerState> of(EventRecord e) {
    if (e.kind() != EventKind.BALANCER) {
      return Optional.empty();
    }
    String text = e.text();
    int space = text.indexOf(' ');
    int slash = text.indexOf('/');
    if (slash <= 0 || space < slash) {
      return Optional.empty();
    }
    return Optional.of(new BalancerState(text.substring(0, slash), text.substring(slash + 1, space), text.substring(space + 1)));
  }
}
