package dev.vigil.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.TailReader;
import dev.vigil.result.ResultWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a run folder as it grows and feeds {@link RunMetrics}: probing never waits on a scrape,
 * and a restart of the endpoint would read the same rows to the same counts. Events first, so a
 * request is placed in a phase that was marked before it started.
 */
final class RunFolderFeed implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path runDir;
  private final RunMetrics metrics;
  private final TailReader<EventRecord> events;
  private final TailReader<RequestRecord> requests;
  private final TailReader<FlowRecord> flows;

  RunFolderFeed(Path runDir, RunMetrics metrics) {
    this.runDir = runDir;
    this.metrics = metrics;
    this.events = TailReader.events(runDir, 0);
    this.requests = TailReader.requests(runDir, 0);
    this.flows = TailReader.flows(runDir, 0);
  }

  /** Takes every complete row written so far. */
  void poll() {
    for (EventRecord e = events.next(); e != null; e = events.next()) {
      metrics.event(e);
    }
    for (RequestRecord r = requests.next(); r != null; r = requests.next()) {
      metrics.request(r);
    }
    for (FlowRecord f = flows.next(); f != null; f = flows.next()) {
      metrics.flow(f);
    }
  }

  /** The last rows, the outages still held, and the verdict when result.json has one. */
  void finish() {
    poll();
    metrics.finish();
    Path result = runDir.resolve(ResultWriter.FILE_NAME);
    if (Files.isRegularFile(result)) {
      try {
        metrics.verdicts(JSON.readTree(result.toFile()));
      } catch (IOException e) {
        // result.json is the run's own record; a page of metrics without the verdict loses nothing of it
      }
    }
  }

  @Override
  public void close() throws IOException {
    events.close();
    requests.close();
    flows.close();
  }
}
