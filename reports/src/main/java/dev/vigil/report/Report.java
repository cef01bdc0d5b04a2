package dev.vigil.report;

import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a run folder's {@code report.html}. */
public final class Report {

  public static final String FILE_NAME = "report.html";

  private Report() {}

  /** Reads {@code runDir} and writes {@code runDir/report.html}, replacing an earlier one in one step. */
  public static Path write(Path runDir) {
    RunData data = RunFolderReader.read(runDir);
    return writeAtomically(data.dir().resolve(FILE_NAME), ReportPage.render(data));
  }

  /** Writes {@code html} to {@code target} through a temporary file, so a reader never sees half a page. */
  public static Path writeAtomically(Path target, String html) {
    Path absolute = target.toAbsolutePath();
    Path tmp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, html, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      return absolute;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // The first failure is the one to report.
      }
      throw new VigilException("Cannot write " + absolute + ": " + e.getMessage() + "; check the folder exists, is writable and its disk has space");
    }
  }
}
