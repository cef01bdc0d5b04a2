package dev.vigil.requestlogs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a service's logs can be read. The lab's are files in one folder ({@link LogFolder}); a
 * deployed cloud's are on its hosts, read through a command (grep over ssh, docker exec), which
 * implements this same search.
 */
public interface LogSource {

  /** Whether this source knows where the service's logs are. */
  boolean covers(String service);

  /**
   * The lines of the service's logs that carry any of {@code ids}, reading each log once for all
   * of them.
   *
   * @param deadline when to stop reading, whatever is left
   */
  Found search(String service, Set<String> ids, LogLimits limits, Instant deadline);

  /**
   * @param lines per id, at most {@link LogLimits#linesPerId()}, in the order read; an id with
   *     no line is absent
   * @param notes what could not be read or was left out, one line each
   */
  record Found(Map<String, List<String>> lines, List<String> notes) {

    public Found {
      lines = Map.copyOf(lines);
      notes = List.copyOf(notes);
    }
  }

  /** No logs for any service: the outages still say which failures never reached one. */
  LogSource NONE = new LogSource() {
    @Override
    public boolean covers(String service) {
      return false;
    }

    @Override
    public Found search(String service, Set<String> ids, LogLimits limits, Instant deadline) {
      return new Found(Map.of(), List.of());
    }
  };
}
