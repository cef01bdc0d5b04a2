package dev.vigil.resources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.VigilException;
import dev.vigil.recording.JsonProblem;
import dev.vigil.lifecycle.Outcome;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code persistent-resources.json}: every resource the check created, written again (atomically:
 * a temporary file moved over the old one) after each create call, so a crash or {@code kill -9}
 * leaves the ids for {@code vigil sweep --from}. The file also carries the check's outcomes in the
 * keys {@code OutcomeFiles} writes ({@code check}, {@code passed}, {@code outcomes}): it is the
 * check's {@code <check>.json}.
 */
public final class Ledger {

  public static final String FILE = "persistent-resources.json";

  static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;
  private Doc doc;

  private Ledger(Path file, Doc doc) {
    this.file = file;
    this.doc = doc;
  }

  /** A new ledger for a run, written at once so that even a crash before the first create leaves it. */
  public static Ledger create(Path dir, String runId, String cloud, String projectId, String projectName, String user) {
    Path file = dir.resolve(FILE);
    if (Files.exists(file)) {
      throw new VigilException(file + " already exists: run --phase before into a new folder, or clean up the old run first"
          + " (vigil validate resources --phase cleanup --out " + dir + ")");
    }
    Ledger ledger =
        new Ledger(file, new PersistentDoc(PersistentResources.NAME, runId, cloud, projectId, projectName, user, Instant.now().toString(), null,
            null, List.of(), List.of()).toDoc());
    ledger.save();
    return ledger;
  }

  public static Ledger read(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      Doc doc = JSON.readValue(file.toFile(), PersistentDoc.class).toDoc();
      if (!RunIds.isRunId(doc.runId)) {
        throw new VigilException(file + " has no valid run_id: it was not written by vigil validate resources");
      }
      return new Ledger(file, doc);
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new VigilException("no " + FILE + " in " + dir + ": run vigil validate resources --phase before --out " + dir + " first");
    } catch (IOException e) {
      throw new VigilException("cannot read " + file + " (" + JsonProblem.describe(e) + "): it is damaged; remove leftovers with vigil sweep");
    }
  }

  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE));
  }

  public Path file() {
    return file;
  }

  public synchronized String runId() {
    return doc.runId;
  }

  public synchronized String cloud() {
    return doc.cloud;
  }

  public synchronized String projectId() {
    return doc.projectId;
  }

  public synchronized List<ResourceRecord> resources() {
    return List.copyOf(doc.resources);
  }

  public synchronized Optional<ResourceRecord> find(Kind kind) {
    return doc.resources.stream().filter(r -> r.kind() == kind).findFirst();
  }

  public synchronized List<ResourceRecord> all(Kind kind) {
    return doc.resources.stream().filter(r -> r.kind() == kind).toList();
  }

  /** Adds or replaces (same kind and name) a record, and writes the file. */
  public synchronized ResourceRecord put(ResourceRecord record) {
    List<ResourceRecord> list = new ArrayList<>(doc.resources);
    list.removeIf(r -> r.kind() == record.kind() && r.name().equals(record.name()));
    list.add(record);
    doc.resources = list;
    save();
    return record;
  }

  /** Records the phase just done and its outcomes, and writes the file. */
  public synchronized void finish(String phase, List<Outcome> outcomes) {
    doc.lastPhase = phase;
    doc.outcomes = List.copyOf(outcomes);
    doc.passed = outcomes.stream().noneMatch(Outcome::failed);
    save();
  }

  private void save() {
    Path tmp = file.resolveSibling(FILE + ".tmp");
    try {
      JSON.writeValue(tmp.toFile(), doc.toPersistent());
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new VigilException("cannot write " + file + " (" + e.getMessage() + "): check the output folder");
    }
  }

  /** The mutable state behind the file. */
  private static final class Doc {
    String check;
    String runId;
    String cloud;
    String projectId;
    String project;
    String user;
    String startedAt;
    String lastPhase;
    Boolean passed;
    List<ResourceRecord> resources;
    List<Outcome> outcomes;

    PersistentDoc toPersistent() {
      return new PersistentDoc(check, runId, cloud, projectId, project, user, startedAt, lastPhase, passed, resources, outcomes);
    }
  }

  /** The file's layout. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PersistentDoc(
      String check,
      String runId,
      String cloud,
      String projectId,
      String project,
      String user,
      String startedAt,
      String lastPhase,
      Boolean passed,
      List<ResourceRecord> resources,
      List<Outcome> outcomes) {

    Doc toDoc() {
      Doc d = new Doc();
      d.check = check;
      d.runId = runId;
      d.cloud = cloud;
      d.projectId = projectId;
      d.project = project;
      d.user = user;
      d.startedAt = startedAt;
      d.lastPhase = lastPhase;
      d.passed = passed;
      d.resources = resources == null ? List.of() : List.copyOf(resources);
      d.outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
      return d;
    }
  }
}
