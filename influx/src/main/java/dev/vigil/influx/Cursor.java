package dev.vigil.influx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * What of a run folder is already in InfluxDB: per file, the bytes whose rows were written, and
 * whether the closing outage events (made once every row was read) were. Kept in {@code
 * influx.cursor} in the run folder, for one target (server, database or bucket, injector): a
 * push to another target starts from the beginning.
 *
 * @param target which server, database or bucket and injector the positions are for (no secret)
 * @param finished whether the points made at the end of the files were written too
 */
record Cursor(String target, long records, long flows, long events, boolean finished) {

  static final String FILE = "influx.cursor";

  static Cursor start(String target) {
    return new Cursor(target, 0, 0, 0, false);
  }

  /** The cursor for {@code target}, or the start when the file is missing, unreadable or for another target. */
  static Cursor load(Path runDir, String target) {
    Path file = runDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return start(target);
    }
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
      if (!target.equals(p.getProperty("target"))) {
        return start(target);
      }
      return new Cursor(target, number(p, "records.tsv"), number(p, "flows.tsv"), number(p, "events.tsv"),
          Boolean.parseBoolean(p.getProperty("finished")));
    } catch (IOException | IllegalArgumentException e) {
      return start(target);
    }
  }

  /** The target the file names, or null when there is none (to tell the user what is there). */
  static String targetIn(Path runDir) {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(runDir.resolve(FILE), StandardCharsets.UTF_8)) {
      p.load(in);
      return p.getProperty("target");
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Writes the file through a temporary one and a rename, so a crash leaves the old or the new one. */
  void save(Path runDir) throws IOException {
    String text = "# vigil influx cursor v1: bytes of each file whose rows are written to the target\n"
        + "target=" + target.replace("\\", "\\\\") + "\n"
        + "records.tsv=" + records + "\nflows.tsv=" + flows + "\nevents.tsv=" + events + "\nfinished=" + finished + "\n";
    Path tmp = runDir.resolve(FILE + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      Files.deleteIfExists(tmp); // a full disk leaves an empty one behind
      throw e;
    }
    try {
      Files.move(tmp, runDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, runDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static long number(Properties p, String key) {
    String v = p.getProperty(key);
    long n = v == null ? 0 : Long.parseLong(v.strip());
    if (n < 0) {
      throw new IllegalArgumentException(key + " is negative");
    }
    return n;
  }
}
