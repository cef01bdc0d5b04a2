package dev.vigil.requestlogs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One read of one log file for many request ids: each line is cut into words of letters, digits,
 * {@code -} and {@code _}, and a word that is a wanted id keeps the line. So {@code req-<uuid>}
 * (oslo.log's context) and Swift's {@code tx…} ids match whole, never as a prefix of another id.
 */
final class FileScan {

  /** How often the clock is read: every line would cost more than the matching. */
  private static final int LINES_PER_CLOCK = 4096;
  private static final int MIN_ID = 8;

  private final Path file;
  private final Set<String> ids;
  private final LogLimits limits;
  private final Instant deadline;
  private final Map<String, List<String>> lines;
  private final List<String> notes;

  FileScan(Path file, Set<String> ids, LogLimits limits, Instant deadline, Map<String, List<String>> lines, List<String> notes) {
    this.file = file;
    this.ids = ids;
    this.limits = limits;
    this.deadline = deadline;
    this.lines = lines;
    this.notes = notes;
  }

  void run() {
    long n = 0;
    try (TailLines in = new TailLines(file, limits.bytesPerFile(), limits.charsPerLine())) {
      if (TailLines.longerThan(file, limits.bytesPerFile())) {
        notes.add(file + ": only its last " + (limits.bytesPerFile() >> 20) + " MiB read");
      }
      for (String line = in.next(); line != null; line = in.next()) {
        if (++n % LINES_PER_CLOCK == 0 && Instant.now().isAfter(deadline)) {
          notes.add(file + ": time budget spent after " + n + " lines; the rest not read");
          return;
        }
        String id = wantedWord(line);
        if (id != null) {
          List<String> kept = lines.computeIfAbsent(id, k -> new ArrayList<>());
          if (kept.size() < limits.linesPerId()) {
            kept.add(file.getFileName() + ": " + line + (in.wasCut() ? " …(cut)" : ""));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      notes.add(file + ": cannot read (" + e + ")");
    }
  }

  /** The first word of the line that is a wanted id, or null. */
  private String wantedWord(String line) {
    int start = -1;
    for (int i = 0; i <= line.length(); i++) {
      boolean word = i < line.length() && isWordChar(line.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        // ids are long (req- and a uuid, tx and 32 characters): short words cannot be one
        if (i - start >= MIN_ID) {
          String candidate = line.substring(start, i);
          if (ids.contains(candidate)) {
            return candidate;
          }
        }
        start = -1;
      }
    }
    return null;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_';
  }
}
