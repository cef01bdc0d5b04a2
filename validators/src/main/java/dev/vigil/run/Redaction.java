package dev.vigil.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides what looks like a secret in a command line before Vigil writes it to driver.log,
 * events.tsv or run.json (and so to InfluxDB and report.html): the value after a key such as
 * {@code password=}, {@code --os-password}, {@code token:} or {@code secret}. The command itself
 * runs unchanged. A guess, not a guarantee: the docs ask for secrets in a file ({@code -e @FILE}) or
 * the environment, which never reach a command line.
 */
public final class Redaction {

  static final String HIDDEN = "***";

  private static final String KEY = "[\\w.-]*(?:password|passwd|secret|token|api[_-]?key|credential)[\\w-]*";
  private static final String VALUE = "('[^']*'|\"[^\"]*\"|[^\\s'\"]+)";
  /** {@code --os-password VALUE} or {@code --os-password=VALUE}: an option takes its value after a space too. */
  private static final Pattern OPTION = Pattern.compile("(?i)(--?" + KEY + ")(\\s+|=)" + VALUE);
  /** {@code admin_password=VALUE}, {@code db_password: VALUE}, {@code X-Auth-Token:VALUE}; "token issue" is no secret. */
  private static final Pattern ASSIGNMENT = Pattern.compile("(?i)(" + KEY + ")(\\s*[=:]\\s*)" + VALUE);

  private Redaction() {}

  public static String commandLine(String line) {
    if (line == null) {
      return null;
    }
    return hide(ASSIGNMENT, hide(OPTION, line));
  }

  private static String hide(Pattern pattern, String line) {
    Matcher m = pattern.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = m.group(3);
      String quote = value.startsWith("'") || value.startsWith("\"") ? value.substring(0, 1) : "";
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + quote + HIDDEN + quote));
    }
    m.appendTail(out);
    return out.toString();
  }
}
