package dev.vigil.flow;

import java.util.Set;

/**
 * How a waiting step reads a resource's state from its JSON document.
 *
 * @param statusPointer JSON pointer of the state, e.g. {@code /server/status}
 * @param ready states that end the wait well (ignored when waiting for a resource to be gone: a 404
 *     ends that wait)
 * @param error states that end the wait as a failure, e.g. {@code ERROR}, {@code error_deleting}
 * @param faultPointer JSON pointer of the service's explanation of an error state, or null
 */
public record Poll(String statusPointer, Set<String> ready, Set<String> error, String faultPointer) {

  public Poll {
    ready = Set.copyOf(ready);
    error = Set.copyOf(error);
  }

  public static Poll of(String statusPointer, Set<String> ready, Set<String> error) {
    return new Poll(statusPointer, ready, error, null);
  }

  public Poll withFault(String pointer) {
    return new Poll(statusPointer, ready, error, pointer);
  }
}
