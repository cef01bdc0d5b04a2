package dev.vigil.simulations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's live line as the CLI receives it from the window (without {@link LiveStatus#PREFIX}),
 * read back for what only the Gatling JVM knows: the probes in flight now.
 */
public record LiveLine(String service, long requests, long failed, int inFlight, long heldBack) {

  private static final Pattern LINE =
      Pattern.compile("^\\d\\d:\\d\\d:\\d\\d (\\S+)\\s+(\\d+) requests\\s+(\\d+) failed\\s+.*?\\s+in flight (\\d+)\\s+held back (\\d+).*$");

  /** The line's figures, or null for any other line of the window (notes, warnings). */
  public static LiveLine parse(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return null;
    }
    return new LiveLine(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Integer.parseInt(m.group(4)),
        Long.parseLong(m.group(5)));
  }
}
