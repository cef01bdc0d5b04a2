package dev.vigil.version;

import java.util.Comparator;

/**
 * Compares dotted numbers field by field, as microversions must be: 2.100 is newer than 2.93, which
 * a decimal or string comparison gets wrong.
 */
final class DottedVersion {

  static final Comparator<String> ORDER = DottedVersion::compare;

  private DottedVersion() {}

  static int compare(String a, String b) {
    String[] x = strip(a).split("\\.");
    String[] y = strip(b).split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? number(x[i]) : 0;
      long q = i < y.length ? number(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }

  /** Whether a text is a dotted number, with or without a leading v (v3.14, 2.93). */
  static boolean isDotted(String s) {
    return s != null && strip(s).matches("\\d+(\\.\\d+)*");
  }

  /** The first {@code fields} fields: Swift's 2.30.1 → 2.30. */
  static String prefix(String s, int fields) {
    String[] parts = strip(s).split("\\.");
    return String.join(".", java.util.Arrays.copyOf(parts, Math.min(fields, parts.length)));
  }

  static String strip(String s) {
    return s.startsWith("v") || s.startsWith("V") ? s.substring(1) : s;
  }

  private static long number(String field) {
    try {
      return Long.parseLong(field);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
