package dev.vigil.recording;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides what looks like a secret in a command line or in a line an upgrade tool printed, before
 * Vigil writes it to driver.log, events.tsv, run.json or an outage's log lines in result.json (and so to InfluxDB and
 * report.html): the
 * value after a key such as {@code password=}, {@code --os-password}, {@code token:} or
 * {@code "db_password": "…"} (ansible -v prints variables as JSON or Python dicts), the password
 * in a URL ({@code rabbit://nova:PASS@host}), an {@code Authorization} header and a bare Fernet
 * token. The command itself runs unchanged and its output is only stored redacted. A guess, not a
 * guarantee: the docs ask for secrets in a file ({@code -e @FILE}) or the environment, which never
 * reach a command line.
 */
public final class Redaction {

  public static final String HIDDEN = "***";

  private static final String KEY = "[\\w.-]*(?:password|passwd|secret|token|api[_-]?key|credential)[\\w-]*";
  private static final String VALUE = "('[^']*'|\"[^\"]*\"|[^\\s'\"]+)";
  /** {@code --os-password VALUE} or {@code --os-password=VALUE}: an option takes its value after a space too. */
  private static final Pattern OPTION = Pattern.compile("(?i)(--?" + KEY + ")(\\s+|=)" + VALUE);
  /** {@code admin_password=VALUE}, {@code db_password: VALUE}, {@code X-Auth-Token:VALUE}; "token issue" is no secret. */
  private static final Pattern ASSIGNMENT = Pattern.compile("(?i)(" + KEY + ")(\\s*[=:]\\s*)" + VALUE);
  /** {@code "db_password": "VALUE"} (JSON) or {@code 'db_password': 'VALUE'} (a Python dict), as ansible -v prints them. */
  private static final Pattern QUOTED_KEY = Pattern.compile("(?i)([\"']" + KEY + "[\"'])(\\s*[=:]\\s*)" + VALUE);
  /** ansible's loop items: {@code {'key': 'db_password', 'value': 'VALUE'}}. */
  private static final Pattern ITEM = Pattern.compile("(?i)([\"']key[\"']\\s*:\\s*[\"']" + KEY + "[\"']\\s*,\\s*[\"']value[\"'])(\\s*:\\s*)" + VALUE);
  /** {@code Authorization: Bearer VALUE}, {@code Authorization: Basic VALUE}. */
  private static final Pattern AUTHORIZATION = Pattern.compile("(?i)(authorization[\"']?)(\\s*[=:]\\s*[\"']?(?:bearer\\s+|basic\\s+)?)" + VALUE);
  /** A URL with a password: {@code mysql+pymysql://nova:VALUE@db/nova}, {@code rabbit://a:VALUE@h1,b:VALUE@h2/}. */
  private static final Pattern URL = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^\\s'\"]+");
  private static final Pattern USERINFO = Pattern.compile("((?:^|[/,])[^\\s/:@,]*:)([^\\s/@,]+)@");
  /** A Fernet token (Keystone's tokens and receipts) printed without a key before it. */
  private static final Pattern FERNET = Pattern.compile("\\bgAAAAA[\\w-]{40,}=*");

  private static final List<UnaryOperator<String>> RULES = List.of(
      line -> hide(ITEM, line), line -> hide(QUOTED_KEY, line), line -> hide(AUTHORIZATION, line),
      line -> hide(OPTION, line), line -> hide(ASSIGNMENT, line), Redaction::urlPasswords,
      line -> FERNET.matcher(line).replaceAll(HIDDEN));

  private Redaction() {}

  /** A command line as Vigil stores it. */
  public static String commandLine(String line) {
    return hideSecrets(line);
  }

  /** A line of a service's log (a failed request's, for result.json and report.html), as Vigil stores it. */
  public static String logLine(String line) {
    return hideSecrets(line);
  }

  /** A line the upgrade tool printed, as Vigil stores it. */
  public static String outputLine(String line) {
    return hideSecrets(line);
  }

  private static String hideSecrets(String line) {
    if (line == null) {
      return null;
    }
    String out = line;
    for (UnaryOperator<String> rule : RULES) {
      out = rule.apply(out);
    }
    return out;
  }

  private static String hide(Pattern pattern, String line) {
    Matcher m = pattern.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = m.group(3);
      if (value.equals(HIDDEN) || value.equals("'" + HIDDEN + "'") || value.equals("\"" + HIDDEN + "\"")) {
        continue;
      }
      String quote = value.startsWith("'") || value.startsWith("\"") ? value.substring(0, 1) : "";
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + quote + HIDDEN + quote));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String urlPasswords(String line) {
    Matcher url = URL.matcher(line);
    StringBuilder out = new StringBuilder();
    while (url.find()) {
      String hidden = USERINFO.matcher(url.group()).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + HIDDEN + "@"));
      url.appendReplacement(out, Matcher.quoteReplacement(hidden));
    }
    url.appendTail(out);
    return out.toString();
  }
}
