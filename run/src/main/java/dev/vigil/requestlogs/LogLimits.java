package dev.vigil.requestlogs;

import java.time.Duration;
import java.util.Objects;

/**
 * How much work the search may do, so a run with a long outage or a cloud with huge logs still
 * ends in seconds.
 *
 * @param idsPerOutage request ids looked up per outage; the rest are counted, not searched
 * @param linesPerId lines kept per id (a traceback repeats the id on every line)
 * @param bytesPerFile bytes read from the end of each file: the window just ended, so its lines
 *     are at the end
 * @param charsPerLine characters kept of a line; the rest is cut and marked
 * @param budget the time the whole search may take
 */
public record LogLimits(int idsPerOutage, int linesPerId, long bytesPerFile, int charsPerLine, Duration budget) {

  public LogLimits {
    Objects.requireNonNull(budget, "budget");
    if (idsPerOutage < 1 || linesPerId < 1 || bytesPerFile < 1 || charsPerLine < 80) {
      throw new IllegalArgumentException("limits too small: " + idsPerOutage + " ids, " + linesPerId + " lines, " + bytesPerFile + " bytes, "
          + charsPerLine + " chars");
    }
  }

  /** 5 ids per outage, 20 lines per id, the last 256 MiB of each file, 4,000 characters per line, 30 s in all. */
  public static LogLimits defaults() {
    return new LogLimits(5, 20, 256L << 20, 4000, Duration.ofSeconds(30));
  }
}
