package dev.vigil.simulations;

import dev.vigil.VigilException;
import dev.vigil.result.ResultWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/** A run's id and its folder: the store every result of the run goes to. */
public record RunFolder(String runId, Path dir) {

  /** The run's own record, written by {@code vigil run} (its phases and driver). */
  public static final String RUN_FILE = "run.json";


  /** Files only a run writes; any of them means the folder is taken. */
  private static final List<String> RUN_FILES =
      List.of(WindowPlan.FILE, "records.tsv", "events.tsv", "flows.tsv", ResultWriter.FILE_NAME, RUN_FILE);

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /**
   * A new run id ({@code vigil-20261125-134501-a3f9}: sortable, and unique enough to find what a
   * run created in a shared cloud) and its folder, created and checked writable.
   *
   * @param out the folder given with --out, or null for {@code <output.dir>/<run id>}
   */
  public static RunFolder create(Path outputRoot, Path out) {
    byte[] random = new byte[2];
    new SecureRandom().nextBytes(random);
    String runId = "vigil-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + "-" + HexFormat.of().formatHex(random);
    Path dir = (out != null ? out : outputRoot.resolve(runId)).toAbsolutePath();
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".write-check", "");
      Files.delete(probe);
    } catch (IOException e) {
      throw new VigilException("output folder " + dir + " is not writable (" + e.getClass().getSimpleName() + ": " + e.getMessage()
          + "): choose another with --out or fix its permissions");
    }
    return new RunFolder(runId, dir);
  }

  /**
   * Like {@link #create}, for a window: a folder holding an earlier run is refused, never written
   * over. (Validators may share a folder across phases: before, then after.)
   */
  public static RunFolder createForWindow(Path outputRoot, Path out) {
    if (out != null) {
      requireNoEarlierRun(out.toAbsolutePath());
    }
    return create(outputRoot, out);
  }

  /**
   * Refuses a folder that already holds a run: writing a second window into it would mix the old
   * run's records with the new run id in one result.json.
   */
  public static void requireNoEarlierRun(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new VigilException("--out " + dir + " is a file, not a folder: give --out a new folder");
    }
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<String> found = RUN_FILES.stream().filter(f -> Files.exists(dir.resolve(f))).toList();
    if (!found.isEmpty()) {
      throw new VigilException("--out " + dir + " holds an earlier run (" + String.join(", ", found) + "); Vigil never writes over"
          + " a run: give --out a new folder, or move that one away");
    }
  }
}
