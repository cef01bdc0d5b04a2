package dev.vigil.flow;

/**
 * Keeps a failure detail to one short line: details land in CSV records, reports and one-line
 * errors, and a service can answer with a whole HTML page or a stack trace.
 */
final class DetailText {

  static final int MAX = 300;

  private DetailText() {}

  static String clip(String s) {
    String one = s.replace('\n', ' ').replace('\t', ' ');
    return one.length() <= MAX ? one : one.substring(0, MAX) + "…";
  }
}
