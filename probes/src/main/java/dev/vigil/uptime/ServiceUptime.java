package dev.vigil.uptime;

import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.Traffic;
import java.util.EnumMap;
import java.util.Map;

/**
 * Outages of one service, per connection kind, from its records in any order (see {@link
 * OutageTracker} for the rule and the order handling). Only {@link Traffic#PROBE} records that were sent count:
 * flows and load measure other things and run at other rates.
 */
public final class ServiceUptime {

  private final Map<Connection, OutageTracker> trackers = new EnumMap<>(Connection.class);

  public ServiceUptime() {
    this(OutageTracker.DEFAULT_MAX_LATENESS_MS);
  }

  public ServiceUptime(long maxLatenessMs) {
    for (Connection c : Connection.values()) {
      trackers.put(c, new OutageTracker(maxLatenessMs));
    }
  }

  /** Adds a record of this service; records that are not probes are ignored. */
  public void add(RequestRecord r) {
    // A held-back probe was never sent: it is neither a success nor a failure.
    if (r.traffic() == Traffic.PROBE && r.error() != ErrorKind.HELD_BACK) {
      trackers.get(r.connection()).add(r.startMs(), r.endMs(), r.error());
    }
  }

  public long lateSamples() {
    return trackers.values().stream().mapToLong(OutageTracker::lateSamples).sum();
  }

  public Report finish(long windowStartMs, long windowEndMs) {
    Map<Connection, Downtime> by = new EnumMap<>(Connection.class);
    Downtime union = Downtime.NONE;
    for (Map.Entry<Connection, OutageTracker> e : trackers.entrySet()) {
      Downtime d = e.getValue().finish(windowStartMs, windowEndMs);
      by.put(e.getKey(), d);
      union = union.union(d);
    }
    return new Report(union, Map.copyOf(by));
  }

  /**
   * @param all the service's downtime: down whenever either connection kind was down
   * @param byConnection downtime seen on each connection kind
   */
  public record Report(Downtime all, Map<Connection, Downtime> byConnection) {

    public Downtime of(Connection connection) {
      return byConnection.getOrDefault(connection, Downtime.NONE);
    }
  }
}
