package dev.vigil.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Escaping and number formats shared by the pages. Numbers are always formatted with a dot, whatever the locale. */
public final class Html {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private Html() {}

  /** Text made safe for element content and quoted attribute values. */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // Control characters are not allowed in HTML text; a driver's output may hold some.
          if (c >= 0x20 || c == '\n' || c == '\t') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** A coordinate: one decimal, no trailing ".0". */
  public static String num(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }

  public static String seconds(double s) {
    return String.format(Locale.ROOT, "%.2f s", s);
  }

  public static String ms(Long v) {
    return v == null || v < 0 ? "–" : v + " ms";
  }

  public static String pValue(double p) {
    return p < 0.001 ? String.format(Locale.ROOT, "%.2e", p) : String.format(Locale.ROOT, "%.3f", p);
  }

  /** UTC time of day with milliseconds, e.g. {@code 16:48:17.448}. */
  public static String time(long epochMs) {
    return TIME.format(Instant.ofEpochMilli(epochMs));
  }

  /** UTC date and time, e.g. {@code 2026-11-25 16:48:17 UTC}. */
  public static String dateTime(Instant t) {
    return DATE_TIME.format(t) + " UTC";
  }

  /** An offset from the window's start: {@code +45s}, {@code +2m05s}, {@code +1h02m}. */
  public static String offset(long ms) {
    long s = Math.round(ms / 1000.0);
    if (s < 60) {
      return "+" + s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "+%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "+%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
