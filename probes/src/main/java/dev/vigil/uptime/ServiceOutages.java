package dev.vigil.uptime;

import dev.vigil.recording.Connection;
import dev.vigil.recording.RequestRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A service's outage edges as a window runs, for the live views (InfluxDB events, the Prometheus
 * gauge): a service is down while either connection kind is down (as result.json's downtime), so
 * its outage starts when the first kind goes down and ends when the last one comes back. Each kind
 * follows the uptime rule of {@link OutageTracker}.
 */
public final class ServiceOutages {

  /** Where the edges go, in time order. */
  public interface Edges {
    /** The service went down at {@code atMs}, {@code first} connections first. */
    void down(long atMs, Connection first);

    /**
     * The service came back at {@code atMs}, down since {@code downSinceMs}; {@code windowEnded}
     * when the window ended with it still down.
     */
    void up(long atMs, long downSinceMs, boolean windowEnded);
  }

  private final Map<Connection, OutageTracker> trackers = new EnumMap<>(Connection.class);
  private final Map<Connection, Integer> closedSeen = new EnumMap<>(Connection.class);
  private final Map<Connection, Boolean> down = new EnumMap<>(Connection.class);
  private final Edges edges;
  private long downSinceMs = -1;
  private long lastEdgeMs = Long.MIN_VALUE;

  /** @param latenessMs how long the trackers wait for a slow probe before applying the rule */
  public ServiceOutages(long latenessMs, Edges edges) {
    this.edges = edges;
    for (Connection c : Connection.values()) {
      trackers.put(c, new OutageTracker(latenessMs));
      closedSeen.put(c, 0);
      down.put(c, false);
    }
  }

  /** Whether the service is down as far as the probes placed so far tell. */
  public boolean isDown() {
    return downSinceMs >= 0;
  }

  /** One probe's answer (a held-back probe is no sample: leave it out). */
  public void add(RequestRecord r) {
    OutageTracker t = trackers.get(r.connection());
    t.add(r.startMs(), r.endMs(), r.error());
    release(r.connection());
  }

  /** Places the probes the trackers still hold and closes an outage still open at {@code windowEndMs}. */
  public void finish(long windowEndMs) {
    for (Connection c : Connection.values()) {
      trackers.get(c).finish(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2); // places the held samples; the edges come from closed()
      release(c);
    }
    if (downSinceMs >= 0) {
      long at = Math.max(windowEndMs, lastEdgeMs);
      long since = downSinceMs;
      downSinceMs = -1;
      down.replaceAll((c, v) -> false);
      edges.up(at, since, true);
    }
  }

  private void release(Connection c) {
    OutageTracker t = trackers.get(c);
    List<Outage> closed = t.closed();
    for (int i = closedSeen.get(c); i < closed.size(); i++) {
      edge(c, true, closed.get(i).startMs());
      edge(c, false, closed.get(i).endMs());
    }
    closedSeen.put(c, closed.size());
    t.openSinceMs().ifPresent(since -> edge(c, true, since));
  }

  private void edge(Connection c, boolean goesDown, long atMs) {
    if (down.get(c) == goesDown) {
      return;
    }
    boolean wasDown = down.containsValue(true);
    down.put(c, goesDown);
    boolean isDown = down.containsValue(true);
    // the two kinds' trackers release their samples independently: keep the edges in order
    long at = Math.max(atMs, lastEdgeMs);
    if (!wasDown && isDown) {
      downSinceMs = at;
      lastEdgeMs = at;
      edges.down(at, c);
    } else if (wasDown && !isDown) {
      lastEdgeMs = at;
      long since = downSinceMs;
      downSinceMs = -1;
      edges.up(at, since, false);
    }
  }
}
