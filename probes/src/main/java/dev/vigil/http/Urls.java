package dev.vigil.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one check every URL Vigil is given goes through (clouds.yaml's auth_url, OS_AUTH_URL, endpoint
 * overrides, influx.url, --data-plane, catalog endpoints), so a URL that cannot work is refused
 * before anything uses it, with the same words wherever it came from. The JDK's HTTP client throws
 * IllegalArgumentException on such URLs deep inside a request, which would be an internal error.
 */
public final class Urls {

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");
  private static final Pattern PORT = Pattern.compile(".*:(\\d+)$");

  private Urls() {}

  /**
   * The URL in {@code text}, checked against {@code rule}.
   *
   * @throws BadUrl whose message, to follow the setting's name, says what is wrong and how to write
   *     it; it shows the URL with any user information replaced by {@code ***}
   */
  public static URI parse(String text, UrlRule rule) {
    if (text == null || text.isBlank()) {
      throw new BadUrl("is empty; write a URL such as " + rule.example());
    }
    String s = text.strip();
    String shown = "\"" + redact(s) + "\"";
    if (!redact(s).equals(s)) {
      throw new BadUrl(shown + " holds a user name or password, which Vigil never puts in a URL (URLs are printed and"
          + " recorded); remove it from the URL and " + rule.credentialsGoTo());
    }
    if (s.chars().anyMatch(Character::isWhitespace)) {
      throw new BadUrl(shown + " contains a space; write it without spaces, e.g. " + rule.example());
    }
    Matcher m = SCHEME.matcher(s);
    if (!m.find()) {
      String guess = "http://" + s;
      boolean guessWorks = rule.schemes().contains("http") && wellFormed(guess);
      throw new BadUrl(shown + " has no scheme; write " + (guessWorks ? guess : "it like " + rule.example())
          + " (" + schemes(rule) + ")");
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    if (!rule.schemes().contains(scheme)) {
      throw new BadUrl(shown + ": the scheme " + scheme + ":// is not one Vigil can use here; write " + schemes(rule)
          + ", e.g. " + rule.example());
    }
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      throw new BadUrl(shown + " is not a URL (" + e.getReason().toLowerCase(Locale.ROOT) + " at character "
          + (e.getIndex() + 1) + "); write it like " + rule.example());
    }
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty() || authority.startsWith(":")) {
      throw new BadUrl(shown + " has no host; write it like " + rule.example());
    }
    Matcher port = PORT.matcher(authority);
    if (port.matches() && !inRange(port.group(1))) {
      throw new BadUrl(shown + ": port " + port.group(1) + " is out of range (1 to 65535)");
    }
    if (uri.getHost() == null) {
      throw new BadUrl(shown + ": \"" + authority + "\" is not a host name with an optional :PORT (letters, digits, dots"
          + " and dashes; no underscores); write it like " + rule.example());
    }
    if (rule.portRequired() && uri.getPort() < 0) {
      throw new BadUrl(shown + " names no port; write it like " + rule.example());
    }
    return uri;
  }

  /**
   * {@code text} with whatever stands between the scheme and the last {@code @} before the path's
   * query replaced by {@code ***}: what may be shown of a URL that might carry a password. It errs
   * on the side of hiding (a path holding an @ is hidden too).
   */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    int start = text.indexOf("://");
    start = start < 0 ? 0 : start + 3;
    int end = text.length();
    for (char c : new char[] {'?', '#'}) {
      int i = text.indexOf(c, start);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    int at = text.lastIndexOf('@', end - 1);
    if (at < start) {
      return text;
    }
    return text.substring(0, start) + "***" + text.substring(at);
  }

  private static boolean wellFormed(String s) {
    try {
      URI uri = new URI(s);
      return uri.getHost() != null && (uri.getPort() < 0 || uri.getPort() >= 1 && uri.getPort() <= 65535);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean inRange(String digits) {
    return digits.length() <= 5 && Integer.parseInt(digits) >= 1 && Integer.parseInt(digits) <= 65535;
  }

  private static String schemes(UrlRule rule) {
    return String.join(" or ", new TreeSet<>(rule.schemes()).stream().map(s -> s + "://").toList());
  }

  /** A URL that cannot be used; the message follows the setting's name and carries no secret. */
  public static final class BadUrl extends IllegalArgumentException {
    BadUrl(String message) {
      super(message);
    }
  }
}
