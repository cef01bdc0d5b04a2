package dev.vigil.recording;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * What went wrong with a request, in a small fixed set so reports and metrics stay bounded.
 *
 * <p>The uptime rule: a probe <em>fails</em> (counts towards an outage) when its kind is {@link
 * #CONNECT}, {@link #TIMEOUT}, {@link #HTTP_5XX} or {@link #UNAUTHORIZED} (a 401 for a token that
 * was valid when sent). Anything else, including other 4xx answers, means the service answered, so
 * it is up. See {@link #countsAsOutage()}.
 *
 * <p>Every simulation classifies through {@link #classify(int, Throwable, boolean)} or {@link
 * #classify(int, String, boolean)} so the same failure gets the same kind everywhere.
 */
public enum ErrorKind {
  /** A 2xx or 3xx answer and no failed check. */
  NONE,
  /** No connection, or it was refused, reset or closed before a complete answer. */
  CONNECT,
  /** No complete answer within the timeout (connect or request). */
  TIMEOUT,
  /** The service answered 5xx. */
  HTTP_5XX,
  /** The service answered 4xx other than a 401 for a valid token. */
  HTTP_4XX,
  /** A 401 for a token that was valid when the request was sent: the service could not validate it. */
  UNAUTHORIZED,
  /** Anything else: a failed body check, a certificate error, an unexpected status. */
  OTHER,
  /**
   * The probe due was not sent because the in-flight cap for its service and connection kind was
   * reached ({@code probe.max_in_flight}): a slow API is not a down one, and Vigil must not pile
   * requests onto it. Not a failure and not an outage; the probes still in flight say which it was.
   * Recorded with start = end = the due time, status 0, no request id.
   */
  HELD_BACK;

  /** Whether a probe with this kind counts as the service being down (the uptime rule). */
  public boolean countsAsOutage() {
    return this == CONNECT || this == TIMEOUT || this == HTTP_5XX || this == UNAUTHORIZED;
  }

  /**
   * Whether a request of any traffic kind (probe, flow step, load) with this kind and HTTP status
   * failed because of the service, not because of what the client asked: the rule zero-downtime
   * applies to every request (docs/run.md, "Which failures count"). The uptime kinds count, and of
   * the 4xx answers only 408 (the server gave up waiting) and 429 (it refused to serve): a 404 on
   * something Vigil deleted, a 409 conflict or a 403 are answers to the request, not its failure.
   */
  public boolean isServiceFailure(int status) {
    return countsAsOutage() || (this == HTTP_4XX && (status == 408 || status == 429));
  }

  /**
   * Kind for an HTTP answer with no other failure.
   *
   * @param tokenValid whether the token sent was valid (not expired, not revoked by us); a 401 for
   *     an expired token is the client's fault, so it is {@link #HTTP_4XX}, not an outage
   */
  public static ErrorKind ofStatus(int status, boolean tokenValid) {
    if (status >= 200 && status < 400) {
      return NONE;
    }
    if (status == 401) {
      return tokenValid ? UNAUTHORIZED : HTTP_4XX;
    }
    if (status >= 400 && status < 500) {
      return HTTP_4XX;
    }
    if (status >= 500 && status < 600) {
      return HTTP_5XX;
    }
    return OTHER;
  }

  /**
   * Kind for a completed request.
   *
   * @param status HTTP status, 0 when there was no answer
   * @param failure why the request failed, or null; with an answer, a failure on a 2xx/3xx means a
   *     failed check ({@link #OTHER}); the status wins otherwise
   */
  public static ErrorKind classify(int status, Throwable failure, boolean tokenValid) {
    if (status > 0) {
      ErrorKind byStatus = ofStatus(status, tokenValid);
      return byStatus == NONE && failure != null ? OTHER : byStatus;
    }
    if (failure == null) {
      return OTHER;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      ErrorKind kind = ofException(t);
      if (kind != OTHER) {
        return kind;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return classify(0, failure.toString(), tokenValid);
  }

  /**
   * The classification every request path uses when it knows the failure as text: Gatling's
   * (through its log line) and the TCP prober. With no answer and no text (Gatling logged nothing),
   * the duration decides between {@link #TIMEOUT} and {@link #CONNECT}; the text, when there is
   * one, decides as for the JDK client: a certificate or host name refused is {@link #OTHER}, not an
   * outage.
   *
   * @param durationMs how long the request took
   * @param timeoutMs its timeout
   */
  public static ErrorKind classify(int status, String failureMessage, boolean tokenValid, long durationMs, long timeoutMs) {
    if (status == 0 && (failureMessage == null || failureMessage.isBlank())) {
      return durationMs >= timeoutMs - 50 ? TIMEOUT : CONNECT;
    }
    return classify(status, failureMessage, tokenValid);
  }

  /**
   * Kind for a completed request whose failure is only known as text, as in a Gatling session
   * (e.g. {@code "j.n.ConnectException: Connection refused"}, {@code "Request timeout to ... after
   * 60000 ms"}, {@code "i.n.c.ConnectTimeoutException: connection timed out"}).
   */
  public static ErrorKind classify(int status, String failureMessage, boolean tokenValid) {
    boolean failed = failureMessage != null && !failureMessage.isBlank();
    if (status > 0) {
      ErrorKind byStatus = ofStatus(status, tokenValid);
      return byStatus == NONE && failed ? OTHER : byStatus;
    }
    if (!failed) {
      return OTHER;
    }
    String m = failureMessage.toLowerCase(Locale.ROOT);
    // Certificate problems are configuration, not an outage: check them before "closed"/"handshake".
    if (m.contains("certificate") || m.contains("pkix") || m.contains("hostname")) {
      return OTHER;
    }
    if (m.contains("timeout") || m.contains("timed out")) {
      return TIMEOUT;
    }
    if (m.contains("connect") || m.contains("refused") || m.contains("reset") || m.contains("closed")
        || m.contains("premature") || m.contains("broken pipe") || m.contains("unknownhost")
        || m.contains("no route") || m.contains("eof")) {
      return CONNECT;
    }
    return OTHER;
  }

  private static ErrorKind ofException(Throwable t) {
    if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
        || t instanceof InterruptedIOException || t.getClass().getSimpleName().contains("Timeout")) {
      return TIMEOUT;
    }
    if (t instanceof SSLException) {
      // A handshake cut short by a closing server is an outage; a refused certificate is not.
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      boolean cut = m.contains("closed") || m.contains("terminated") || m.contains("reset") || m.contains("eof");
      return cut && !m.contains("certificate") ? CONNECT : OTHER;
    }
    if (t instanceof ConnectException || t instanceof NoRouteToHostException
        || t instanceof UnknownHostException || t instanceof SocketException
        || t instanceof ClosedChannelException || t instanceof EOFException) {
      return CONNECT;
    }
    return OTHER;
  }
}
