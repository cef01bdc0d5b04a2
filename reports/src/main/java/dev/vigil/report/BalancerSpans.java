package dev.vigil.report;

import dev.vigil.recording.BalancerState;
import dev.vigil.recording.EventRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The load balancer's view as spans: per service, each server of its backends in one state from
 * one reading to the next change (or the window's end), for the timeline's lanes under the service.
 */
final class BalancerSpans {

  /** A server's state from {@code startMs} to {@code endMs}. */
  record Span(long startMs, long endMs, String state) {

    /** The CSS class of the state: up, drain, maint, down, or other (NOLB, no check …). */
    String cssClass() {
      String word = BalancerState.word(state).toLowerCase(Locale.ROOT);
      return switch (word) {
        case "up", "drain", "maint", "down" -> "lb-" + word;
        default -> "lb-other";
      };
    }
  }

  /** One server of a backend and its spans, in time order. */
  record Server(String backend, String server, List<Span> spans) {}

  private BalancerSpans() {}

  /** Service → its backends' servers, in name order; servers of backends that serve no known service are left out. */
  static Map<String, List<Server>> of(List<EventRecord> events, long windowEndMs) {
    Map<String, Map<String, List<EventRecord>>> byService = new TreeMap<>();
    events.stream().sorted(Comparator.comparingLong(EventRecord::timestampMs)).forEach(e -> BalancerState.of(e).ifPresent(s -> {
      if (e.service() != null) {
        byService.computeIfAbsent(e.service(), k -> new TreeMap<>()).computeIfAbsent(s.backend() + "/" + s.server(), k -> new ArrayList<>()).add(e);
      }
    }));
    Map<String, List<Server>> result = new LinkedHashMap<>();
    byService.forEach((service, servers) -> {
      List<Server> list = new ArrayList<>();
      servers.forEach((key, changes) -> {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
          EventRecord e = changes.get(i);
          long end = i + 1 < changes.size() ? changes.get(i + 1).timestampMs() : Math.max(e.timestampMs(), windowEndMs);
          spans.add(new Span(e.timestampMs(), end, BalancerState.of(e).orElseThrow().state()));
        }
        BalancerState first = BalancerState.of(changes.get(0)).orElseThrow();
        list.add(new Server(first.backend(), first.server(), spans));
      });
      result.put(service, list);
    });
    return result;
  }
}
