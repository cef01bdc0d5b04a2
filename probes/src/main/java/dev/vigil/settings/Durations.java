package dev.vigil.settings;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in vigil.yaml: {@code 10s}, {@code 500ms}, {@code 2m}, {@code 1h},
 * or a sum such as {@code 1m30s}. A bare number is refused (except {@code 0}): "10" could mean
 * seconds or milliseconds, and guessing wrong silently is worse than asking.
 */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /**
   * @throws IllegalArgumentException with a message saying what is wrong and how to write it
   */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty duration; write e.g. 10s, 500ms, 2m or 1h");
    }
    String s = text.strip();
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.matches("-?\\d+(\\.\\d+)?")) {
      throw new IllegalArgumentException(
          "\"" + s + "\" has no unit; write e.g. " + s + "s, " + s + "ms, " + s + "m or " + s + "h");
    }
    Matcher m = PART.matcher(s);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long amount;
      try {
        amount = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("\"" + s + "\" is too large");
      }
      total = total.plus(unit(amount, m.group(2)));
      end = m.end();
    }
    if (end != s.length() || end == 0) {
      throw new IllegalArgumentException(
          "\"" + s + "\" is not a duration; write a whole number and a unit (ms, s, m, h),"
              + " e.g. 10s, 500ms, 2m, 1h or 1m30s");
    }
    return total;
  }

  /** The shortest of the forms {@link #parse} accepts, e.g. {@code 2m} or {@code 1m30s}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0";
    }
    StringBuilder out = new StringBuilder();
    long ms = d.toMillis();
    long[] sizes = {3_600_000, 60_000, 1_000, 1};
    String[] units = {"h", "m", "s", "ms"};
    for (int i = 0; i < sizes.length; i++) {
      if (ms >= sizes[i]) {
        out.append(ms / sizes[i]).append(units[i]);
        ms %= sizes[i];
      }
    }
    return out.toString();
  }

  private static Duration unit(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }
}
