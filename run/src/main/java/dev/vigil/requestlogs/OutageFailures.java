package dev.vigil.requestlogs;

import dev.vigil.recording.RequestRecord;
import dev.vigil.result.WindowResult;
import java.util.ArrayList;
import java.util.List;

/** The failed requests of one outage, the first few with a request id kept. */
final class OutageFailures {

  final WindowResult.OutageEntry outage;
  private final long fromMs;
  private final long toMs;
  final List<RequestRecord> withId = new ArrayList<>();
  long failed;
  long withoutId;
  long idsLeftOut;

  OutageFailures(WindowResult.OutageEntry outage) {
    this.outage = outage;
    // the service went down within the start's uncertainty: failures there belong to this outage
    this.fromMs = outage.start().toEpochMilli() - outage.startUncertaintyMs();
    this.toMs = outage.end().toEpochMilli();
  }

  long fromMs() {
    return fromMs;
  }

  long toMs() {
    return toMs;
  }

  /** Counts {@code r} when it overlaps the outage; keeps it when it has an id and the bound allows. */
  void offer(RequestRecord r, int idsPerOutage) {
    if (r.endMs() < fromMs || r.startMs() > toMs) {
      return;
    }
    failed++;
    if (r.requestId() == null) {
      withoutId++;
    } else if (withId.size() < idsPerOutage) {
      withId.add(r);
    } else {
      idsLeftOut++;
    }
  }
}
