package dev.vigil.requestlogs;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of HAProxy's HTTP log ({@code option httplog}, the format OpenStack-Ansible, Kolla-Ansible
 * and the lab use): {@code client [accept date] frontend backend/server timers status bytes - -
 * termination-state …}. The accept date is HAProxy's local time.
 *
 * @param termination the four-character session state at disconnection, e.g. {@code SC--}
 */
record HaproxyLogLine(long acceptedMs, String backend, String server, int status, String termination) {

  private static final Pattern LINE = Pattern.compile(
      "\\[(\\d{2}/[A-Za-z]{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2}\\.\\d{3})\\] \\S+ ([^/\\s]+)/(\\S+) \\S+ (-?\\d+) \\S+ \\S+ \\S+ (\\S{4}) ");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss.SSS", Locale.ENGLISH);

  static Optional<HaproxyLogLine> parse(String line, ZoneId zone) {
    Matcher m = LINE.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      long at = LocalDateTime.parse(m.group(1), DATE).atZone(zone).toInstant().toEpochMilli();
      return Optional.of(new HaproxyLogLine(at, m.group(2), m.group(3), Integer.parseInt(m.group(4)), m.group(5)));
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The balancer ended the request itself, or with an error: what a failure without request id shows there. */
  boolean failed() {
    return status >= 500 || status < 0 || termination.charAt(0) != '-';
  }

  /**
   * The session state in words (HAProxy's configuration manual, "Session state at disconnection"):
   * who ended it, and in which phase.
   */
  String why() {
    String who = switch (termination.charAt(0)) {
      case 'C' -> "the client aborted";
      case 'S' -> "the server refused or aborted it";
      case 'P' -> "the proxy stopped it";
      case 'R' -> "a proxy resource ran out";
      case 'I' -> "an internal error of the proxy";
      case 'D' -> "the server went down";
      case 'K' -> "an administrator killed it";
      case 'c' -> "the client timed out";
      case 's' -> "the server timed out";
      case '-' -> "ended normally";
      default -> "state " + termination.charAt(0);
    };
    String when = switch (termination.charAt(1)) {
      case 'R' -> " while waiting for the request";
      case 'Q' -> " while queued for a server";
      case 'C' -> " while connecting to a server";
      case 'H' -> " before the server's response headers";
      case 'D' -> " while sending data";
      case 'L' -> " at the last data";
      default -> "";
    };
    String server = this.server.equals("<NOSRV>") ? ": no server was available" : " (server " + this.server + ")";
    return status + " " + termination + ": " + who + when + server;
  }
}
