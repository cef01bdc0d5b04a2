package dev.vigil.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import dev.vigil.build.VigilBuild;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.recording.EventKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.FlowOutcome;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RecordReader;
import dev.vigil.recording.RequestRecord;
import dev.vigil.result.ResultAnalyzer;
import dev.vigil.result.ResultWriter;
import dev.vigil.result.RunResult;
import dev.vigil.result.ServiceVerdict;
import dev.vigil.result.WindowResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a run folder for a report: {@code result.json} (or, when it is missing, the figures
 * computed again from the records), {@code run.json}, the validators' files, and one pass over each
 * record file. Memory is bounded whatever the size of {@code records.tsv}: see {@link LatencySeries}.
 */
public final class RunFolderReader {

  /** Driver steps, marks and notes kept for the timeline: an Ansible run prints thousands of lines. */
  public static final int MAX_STEPS = 500;

  public static final int MAX_TROUBLED_FLOWS = 100;

  /** The load balancer's state changes kept for the timeline: a flapping server would write one a second. */
  public static final int MAX_BALANCER = 5000;

  /** The validators' files, in the order {@code vigil run} runs them. */
  static final List<String> CHECK_FILES = List.of("release-version", "system-health", "persistent-resources");

  private static final ObjectMapper JSON = ResultWriter.mapper();

  private RunFolderReader() {}

  /**
   * What {@code result.json} says, or, when the folder has none, the window's figures computed
   * from its records (no verdicts then).
   *
   * @param computed true when there was no result.json
   * @param run null for a watch window
   * @param verdicts empty for a watch window
   */
  public record Result(Path folder, WindowResult window, boolean computed, RunResult.RunSummary run, Map<String, ServiceVerdict> verdicts) {

    public Result {
      verdicts = Map.copyOf(verdicts);
    }
  }

  /** Reads {@code result.json} of a run folder (see {@link Result}); a clear error when it is not one. */
  public static Result result(Path dir) {
    Path folder = requireRunFolder(dir);
    JsonNode doc = resultDocument(folder);
    if (doc == null) {
      return new Result(folder, new ResultAnalyzer().analyze(folder, null, null), true, null, Map.of());
    }
    RunResult.RunSummary run = null;
    Map<String, ServiceVerdict> verdicts = new TreeMap<>();
    if (doc.hasNonNull("run")) {
      run = convert(folder, doc.get("run"), RunResult.RunSummary.class);
      doc.path("services").fields().forEachRemaining(e -> {
        JsonNode s = e.getValue();
        if (s.hasNonNull("verdict")) {
          List<String> reasons = new ArrayList<>();
          s.path("verdict_reasons").forEach(r -> reasons.add(r.asText()));
          verdicts.put(e.getKey(), new ServiceVerdict(convert(folder, s.path("release"), ServiceVerdict.Release.class),
              convert(folder, s.get("verdict"), ServiceVerdict.Verdict.class), reasons));
        }
      });
    }
    return new Result(folder, window(folder, doc), false, run, verdicts);
  }

  public static RunData read(Path dir) {
    Result result = result(dir);
    Path folder = result.folder();
    WindowResult window = result.window();

    List<EventRecord> steps = new ArrayList<>();
    List<EventRecord> balancer = new ArrayList<>();
    long stepsLeftOut = 0;
    try (RecordReader<EventRecord> events = RecordReader.events(folder)) {
      while (events.hasNext()) {
        EventRecord e = events.next();
        if (e.kind() == EventKind.DRIVER || e.kind() == EventKind.MARK || e.kind() == EventKind.NOTE) {
          if (steps.size() < MAX_STEPS) {
            steps.add(e);
          } else {
            stepsLeftOut++;
          }
        } else if (e.kind() == EventKind.BALANCER && balancer.size() < MAX_BALANCER) {
          balancer.add(e);
        }
      }
    }

    Map<String, Map<String, RunData.FlowCount>> flows = new TreeMap<>();
    List<FlowRecord> troubled = new ArrayList<>();
    try (RecordReader<FlowRecord> reader = RecordReader.flows(folder)) {
      while (reader.hasNext()) {
        FlowRecord f = reader.next();
        flows.computeIfAbsent(f.service(), s -> new TreeMap<>())
            .merge(f.flow(), new RunData.FlowCount(0, 0, 0).plus(f), (old, one) -> old.plus(f));
        if (f.outcome() != FlowOutcome.HONOURED && troubled.size() < MAX_TROUBLED_FLOWS) {
          troubled.add(f);
        }
      }
    }

    LatencySeries latency = new LatencySeries(window.window().start().toEpochMilli(), window.window().end().toEpochMilli());
    if (Files.isRegularFile(folder.resolve("records.tsv"))) {
      try (RecordReader<RequestRecord> records = RecordReader.requests(folder)) {
        while (records.hasNext()) {
          latency.add(records.next());
        }
      }
    }

    String command = null;
    Path runFile = folder.resolve("run.json");
    if (Files.isRegularFile(runFile)) {
      JsonNode runJson = tree(runFile);
      command = upgradeCommand(runJson);
    }
    VigilBuild madeBy = madeBy(runFile);
    if (madeBy == null) {
      madeBy = madeBy(folder.resolve("plan.json"));
    }
    return new RunData(folder, window, result.computed(), result.run(), result.verdicts(), command, madeBy, steps, stepsLeftOut, flows, troubled,
        latency, checks(folder), gatlingReport(folder), balancer);
  }

  /**
   * The {@code vigil} object of run.json or plan.json; null when the file or the object is missing
   * (folders written before Vigil recorded it) or damaged: a label is not worth failing the report.
   */
  /**
   * The upgrade command(s) as run.json records them: {@code upgrade_commands}, one per step, already
   * redacted by the run ({@code upgrade_cmd} in folders of earlier builds).
   */
  static String upgradeCommand(JsonNode runJson) {
    JsonNode steps = runJson.path("upgrade_commands");
    if (steps.isArray() && !steps.isEmpty()) {
      List<String> commands = new ArrayList<>();
      steps.forEach(c -> commands.add(c.asText()));
      return String.join(" ; ", commands);
    }
    return runJson.hasNonNull("upgrade_cmd") ? runJson.get("upgrade_cmd").asText() : null;
  }

  private static VigilBuild madeBy(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode vigil = JSON.readTree(file.toFile()).path("vigil");
      return vigil.isObject() ? JSON.treeToValue(vigil, VigilBuild.class) : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The folder, absolute; a clear error when it is not a run folder. */
  public static Path requireRunFolder(Path dir) {
    Path folder = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw new VigilException("No run folder at " + folder + ": pass the folder given to --out of vigil run or vigil watch");
    }
    if (!Files.isRegularFile(folder.resolve(ResultWriter.FILE_NAME)) && !Files.isRegularFile(folder.resolve("records.tsv"))) {
      throw new VigilException(folder + " is not a Vigil run folder: it has neither result.json nor records.tsv;"
          + " pass the folder given to --out of vigil run or vigil watch");
    }
    return folder;
  }

  /**
   * The window's figures of {@code result.json}; a service a run judged without any request (only
   * its verdict fields) is left out.
   */
  static WindowResult window(Path folder, JsonNode doc) {
    ObjectNode copy = doc.deepCopy();
    if (copy.get("services") instanceof ObjectNode services) {
      for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
        if (!it.next().getValue().has("requests")) {
          it.remove();
        }
      }
    }
    return convert(folder, copy, WindowResult.class);
  }

  /** {@code result.json} as a tree, or null when the folder has none; checks its schema. */
  public static JsonNode resultDocument(Path folder) {
    Path file = folder.resolve(ResultWriter.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    JsonNode doc = tree(file);
    String schema = doc.path("schema").asText("");
    // v1 (true/false verdicts, no coverage) still reads: compare sets runs of older Vigil versions beside new ones
    if (!WindowResult.readable(schema)) {
      throw new VigilException(file + " has schema \"" + schema + "\", not " + WindowResult.SCHEMA
          + ": it is not a Vigil result, or a newer Vigil wrote it; read it with that version");
    }
    return doc;
  }

  private static JsonNode tree(Path file) {
    try {
      JsonNode node = JSON.readTree(file.toFile());
      if (node == null || !node.isObject()) {
        throw new VigilException("Cannot read " + file + ": it holds no JSON object; it is damaged or not written by Vigil");
      }
      return node;
    } catch (IOException e) {
      throw new VigilException("Cannot read " + file + ": " + firstLine(e.getMessage()) + "; it is damaged or not written by Vigil");
    }
  }

  private static <T> T convert(Path folder, JsonNode node, Class<T> type) {
    try {
      return JSON.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new VigilException("Cannot read " + folder.resolve(ResultWriter.FILE_NAME) + ": " + firstLine(e.getMessage())
          + "; it is damaged or not a Vigil result");
    }
  }

  private static List<RunData.CheckFile> checks(Path folder) {
    List<RunData.CheckFile> checks = new ArrayList<>();
    for (String name : CHECK_FILES) {
      Path file = folder.resolve(name + ".json");
      if (!Files.isRegularFile(file)) {
        continue;
      }
      JsonNode doc = tree(file);
      List<Outcome> outcomes = new ArrayList<>();
      for (JsonNode o : doc.path("outcomes")) {
        try {
          outcomes.add(JSON.treeToValue(o, Outcome.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
          throw new VigilException("Cannot read " + file + ": " + firstLine(e.getMessage()) + "; it is damaged or not written by Vigil");
        }
      }
      checks.add(new RunData.CheckFile(name, doc.path("passed").asBoolean(outcomes.stream().noneMatch(Outcome::failed)), outcomes));
    }
    return checks;
  }

  private static String gatlingReport(Path folder) {
    Path gatling = folder.resolve("gatling");
    if (!Files.isDirectory(gatling)) {
      return null;
    }
    try (Stream<Path> reports = Files.list(gatling)) {
      return reports.filter(p -> Files.isRegularFile(p.resolve("index.html"))).sorted().reduce((a, b) -> b)
          .map(p -> folder.relativize(p.resolve("index.html")).toString()).orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
