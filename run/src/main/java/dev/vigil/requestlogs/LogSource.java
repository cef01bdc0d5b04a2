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
   * The load balancer's own log lines for the service's backend in each interval that end with an
   * error: the why of failures that carry no request id (the balancer answered them itself).
   * Nothing when this source has no balancer log.
   *
   * @param intervals epoch ms {from, to}, one per outage
   * @return per interval, at most {@code limit} lines, in the order of the intervals
   */
  default BalancerFound balancer(String service, List<long[]> intervals, int limit, LogLimits limits, Instant deadline) {
    return new BalancerFound(intervals.stream().map(i -> List.<String>of()).toList(), List.of(), false);
  }

  /**
   * @param lines per interval
   * @param searched a balancer log was read
   */
  record BalancerFound(List<List<String>> lines, List<String> notes, boolean searched) {

    public BalancerFound {
      lines = lines.stream().map(List::copyOf).toList();
      notes = List.copyOf(notes);
    }
  }

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
