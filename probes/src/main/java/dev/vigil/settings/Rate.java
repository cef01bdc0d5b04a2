package dev.vigil.settings;

import java.time.Duration;

/**
 * "So many per so long": {@code 10} or {@code 10/s} (ten a second), {@code 1/30s} (one every 30
 * seconds), {@code 120/m}. Zero means off.
 *
 * @param count how many, at least 0
 * @param per in how long, more than zero
 */
public record Rate(double count, Duration per) {

  public Rate {
    if (!(count >= 0) || Double.isInfinite(count)) {
      throw new IllegalArgumentException("the count of a rate must be 0 or more");
    }
    if (per == null || per.isZero() || per.isNegative()) {
      throw new IllegalArgumentException("the period of a rate must be more than zero");
    }
  }

  public static Rate perSecond(double count) {
    return new Rate(count, Duration.ofSeconds(1));
  }

  public static Rate off() {
    return perSecond(0);
  }

  /**
   * @throws IllegalArgumentException with a message saying how to write a rate
   */
  public static Rate parse(String text) {
    String s = text == null ? "" : text.strip();
    int slash = s.indexOf('/');
    String countText = slash < 0 ? s : s.substring(0, slash).strip();
    double count;
    try {
      count = Double.parseDouble(countText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "\"" + s + "\" is not a rate; write e.g. 10 or 10/s (ten a second), 1/30s (one every"
              + " 30 seconds), 0 for off");
    }
    if (count < 0) {
      throw new IllegalArgumentException("\"" + s + "\": a rate cannot be negative");
    }
    if (slash < 0) {
      return perSecond(count);
    }
    String perText = s.substring(slash + 1).strip();
    // "10/s" means ten per one second: the amount of the period may be left out.
    Duration per = Durations.parse(Character.isDigit(first(perText)) ? perText : "1" + perText);
    if (per.isZero()) {
      throw new IllegalArgumentException("\"" + s + "\": the period after / must be more than 0");
    }
    return new Rate(count, per);
  }

  private static char first(String s) {
    return s.isEmpty() ? ' ' : s.charAt(0);
  }

  public double perSecond() {
    return count * 1000.0 / per.toMillis();
  }

  public boolean isOff() {
    return count == 0;
  }

  /** Time between two events at this rate; only meaningful when not {@link #isOff() off}. */
  public Duration interval() {
    return Duration.ofNanos(Math.round(per.toNanos() / count));
  }

  @Override
  public String toString() {
    String c = count == Math.rint(count) ? Long.toString((long) count) : Double.toString(count);
    return per.equals(Duration.ofSeconds(1)) ? c + "/s" : c + "/" + Durations.format(per);
  }
}
