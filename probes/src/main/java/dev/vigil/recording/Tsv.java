package dev.vigil.recording;

/**
 * Escaping and field splitting for the run folder's TSV files. Text fields escape {@code \}, tab,
 * newline and carriage return as {@code \\ \t \n \r}, so one record is always one line; an absent
 * (null) text field is written empty.
 */
final class Tsv {

  private Tsv() {}

  static void appendEscaped(StringBuilder out, String s) {
    if (s == null) {
      return;
    }
    if (plain(s)) {
      out.append(s);
      return;
    }
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }

  /** The usual case: nothing to escape, so the field is copied in one go. */
  private static boolean plain(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0, n = field.length(); i < n; i++) {
      char c = field.charAt(i);
      if (c != '\\' || i + 1 == n) {
        out.append(c);
        continue;
      }
      char e = field.charAt(++i);
      switch (e) {
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        default -> out.append(e);
      }
    }
    return out.toString();
  }

  /** Null for an empty field: the format does not tell "" from absent. */
  static String nullable(String field) {
    return field.isEmpty() ? null : unescape(field);
  }

  /**
   * Splits {@code line} on tabs into {@code fields}.
   *
   * @return the number of fields found, which may exceed {@code fields.length} (then the extra ones
   *     are not stored)
   */
  static int split(String line, String[] fields) {
    int count = 0;
    int from = 0;
    while (true) {
      int tab = line.indexOf('\t', from);
      String field = tab < 0 ? line.substring(from) : line.substring(from, tab);
      if (count < fields.length) {
        fields[count] = field;
      }
      count++;
      if (tab < 0) {
        return count;
      }
      from = tab + 1;
    }
  }
}
