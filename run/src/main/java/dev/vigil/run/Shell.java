package dev.vigil.run;

import java.util.regex.Pattern;

/** Shell words for the command lines the drivers build: they run with {@code bash -c} and are printed by --dry-run. */
public final class Shell {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private Shell() {}

  /** {@code word} as one bash word: as it is when nothing in it is special, else in single quotes. */
  public static String quote(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
