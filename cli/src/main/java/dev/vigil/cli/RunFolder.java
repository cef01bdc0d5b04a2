package dev.vigil.cli;

import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** A run's id and its folder: the store every result of the run goes to. */
record RunFolder(String runId, Path dir) {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /**
   * A new run id ({@code vigil-20261125-134501-a3f9}: sortable, and unique enough to find what a
   * run created in a shared cloud) and its folder, created and checked writable.
   *
   * @param out the folder given with --out, or null for {@code <output.dir>/<run id>}
   */
  static RunFolder create(Path outputRoot, Path out) {
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
}
