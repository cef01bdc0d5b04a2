package dev.vigil.requestlogs;

import dev.vigil.VigilException;
import dev.vigil.recording.RecordReader;
import dev.vigil.recording.RequestRecord;
import dev.vigil.result.WindowResult;
import dev.vigil.recording.Redaction;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Attaches to each outage why its requests failed ({@link WindowResult.Why}): one more read of
 * {@code records.tsv} for the failed requests, then one search of each service's logs for the
 * ids of all its outages together. Runs after the window, before result.json is written.
 */
public final class RequestLogs {

  static final String NO_ID = "no request id: answered by the load balancer (no server, a cut connection) or refused;"
      + " they never reached the service, so its logs cannot name them";

  private final LogSource source;
  private final LogLimits limits;

  public RequestLogs(LogSource source, LogLimits limits) {
    this.source = source;
    this.limits = limits;
  }

  /** {@code result} with a {@code why} on every outage; unchanged when there is no outage. */
  public WindowResult explain(WindowResult result, Path runDir) {
    Map<String, List<OutageFailures>> byService = new LinkedHashMap<>();
    result.services().forEach((type, s) -> {
      if (!s.outages().isEmpty()) {
        byService.put(type, s.outages().stream().map(OutageFailures::new).toList());
      }
    });
    if (byService.isEmpty()) {
      return result;
    }
    String unread = readFailures(runDir, byService);
    Instant deadline = Instant.now().plus(limits.budget());
    Map<String, WindowResult.ServiceResult> services = new LinkedHashMap<>(result.services());
    byService.forEach((type, outages) -> services.put(type, services.get(type).withOutages(explain(type, outages, unread, deadline))));
    return new WindowResult(result.schema(), result.runId(), result.cloud(), result.window(), result.recording(), result.phases(), services);
  }

  /** Fills each outage's failures from one pass over records.tsv; the reason it could not, or null. */
  private String readFailures(Path runDir, Map<String, List<OutageFailures>> byService) {
    try (RecordReader<RequestRecord> records = RecordReader.requests(runDir)) {
      while (records.hasNext()) {
        RequestRecord r = records.next();
        List<OutageFailures> outages = byService.get(r.service());
        if (outages != null && !r.ok() && r.error().isServiceFailure(r.status())) {
          outages.forEach(o -> o.offer(r, limits.idsPerOutage()));
        }
      }
      return null;
    } catch (VigilException e) {
      return "the failed requests could not be read: " + e.getMessage();
    }
  }

  private List<WindowResult.OutageEntry> explain(String type, List<OutageFailures> outages, String unread, Instant deadline) {
    Set<String> ids = new LinkedHashSet<>();
    outages.forEach(o -> o.withId.forEach(r -> ids.add(r.requestId())));
    boolean searched = source.covers(type) && !ids.isEmpty();
    LogSource.Found found = searched ? source.search(type, ids, limits, deadline) : new LogSource.Found(Map.of(), List.of());
    boolean withoutIds = outages.stream().anyMatch(o -> o.withoutId > 0);
    LogSource.BalancerFound balancer = source.balancer(type, withoutIds ? intervals(outages) : List.of(), limits.idsPerOutage(), limits, deadline);
    List<WindowResult.OutageEntry> out = new ArrayList<>();
    for (OutageFailures o : outages) {
      List<String> notes = new ArrayList<>();
      if (unread != null) {
        notes.add(unread);
      }
      if (o.withoutId > 0) {
        notes.add(o.withoutId + " of " + o.failed + " failed requests carry " + NO_ID);
      }
      if (o.idsLeftOut > 0) {
        notes.add(o.idsLeftOut + " more failed requests with a request id not looked up (at most " + limits.idsPerOutage() + " per outage)");
      }
      if (!o.withId.isEmpty() && !source.covers(type)) {
        notes.add("logs not searched: no log source for " + type + " (--service-logs)");
      }
      if (!o.withId.isEmpty()) {
        notes.addAll(found.notes());
      }
      List<String> balancerLines = List.of();
      if (o.withoutId > 0 && balancer.searched()) {
        balancerLines = balancer.lines().get(outages.indexOf(o)).stream().map(Redaction::logLine).toList();
        notes.addAll(balancer.notes());
        if (balancerLines.isEmpty()) {
          notes.add("the load balancer's log has no failed request of " + type + "'s backend in this outage");
        }
      }
      List<WindowResult.RequestLines> requests = o.withId.stream().map(r -> lines(r, searched, found)).toList();
      out.add(o.outage.withWhy(new WindowResult.Why(o.failed, o.withoutId, requests, notes, balancerLines)));
    }
    return out;
  }

  /** Each outage's span, its start's uncertainty included, as its failures are gathered. */
  private static List<long[]> intervals(List<OutageFailures> outages) {
    return outages.stream().map(o -> new long[] {o.fromMs(), o.toMs()}).toList();
  }

  private static WindowResult.RequestLines lines(RequestRecord r, boolean searched, LogSource.Found found) {
    List<String> lines = found.lines().getOrDefault(r.requestId(), List.of()).stream().map(Redaction::logLine).toList();
    return new WindowResult.RequestLines(r.requestId(), Instant.ofEpochMilli(r.startMs()), key(r.traffic()), r.request(), r.method(),
        r.status(), key(r.error()), searched ? !lines.isEmpty() : null, lines);
  }

  private static String key(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
