package dev.vigil.simulations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * Why a Gatling request got no answer. Gatling's session keeps no failure message, but its HTTP
 * engine logs one line per failed request at DEBUG ("Request '{}' failed for user {}: {}") before
 * the next action of that virtual user runs. This appender keeps the message of each user's last
 * failure until the user's recording step takes it, so both request paths (Gatling and the JDK
 * client) classify a failure from what went wrong, not from how long it took.
 *
 * <p>When logging is not logback, or Gatling words its line differently, nothing is captured and
 * the classification falls back to the duration (see {@code ErrorKind.classify}).
 */
final class GatlingFailures extends AppenderBase<ILoggingEvent> {

  /**
   * Gatling's logger of request outcomes: its StatsProcessor's, named after the class (Gatling
   * 3.15). Only this one logger is set to DEBUG: the package's logger decides Gatling's HTTP debug
   * mode ({@code HttpTracing.IS_HTTP_DEBUG_ENABLED}), which dumps every request and slows the
   * injector until probes stall.
   */
  static final String GATLING_LOGGER = "io.gatling.http.engine.response.DefaultStatsProcessor";
  static final String FAILED_FORMAT = "Request '{}' failed for user {}: {}";
  /** A user whose failure nobody takes (a flow that gave up) must not keep memory forever. */
  private static final int MAX_KEPT = 10_000;

  private static volatile GatlingFailures installed;

  private final Map<Long, String> byUser = new ConcurrentHashMap<>();

  /** Starts capturing in this JVM (idempotent); returns the capture, or null when logging is not logback. */
  static synchronized GatlingFailures install() {
    if (installed != null) {
      return installed;
    }
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return null;
    }
    GatlingFailures capture = new GatlingFailures();
    capture.setContext(context);
    capture.setName("vigil-gatling-failures");
    capture.start();
    // the class's logger as Scala's StrictLogging names it (the runtime class), and its parent class's
    for (String name : new String[] {GATLING_LOGGER, "io.gatling.http.engine.response.StatsProcessor"}) {
      Logger logger = context.getLogger(name);
      logger.setLevel(Level.DEBUG);
      // only to us: the console and file appenders keep Gatling's usual level
      logger.setAdditive(false);
      logger.addAppender(capture);
    }
    installed = capture;
    return capture;
  }

  @Override
  protected void append(ILoggingEvent event) {
    Object[] args = event.getArgumentArray();
    if (!FAILED_FORMAT.equals(event.getMessage()) || args == null || args.length < 3 || !(args[1] instanceof Number user)) {
      return;
    }
    if (byUser.size() >= MAX_KEPT) {
      byUser.clear();
    }
    byUser.put(user.longValue(), String.valueOf(args[2]));
  }

  /** The failure message of this user's last request, once; null when none was logged. */
  String take(long userId) {
    return byUser.remove(userId);
  }
}
