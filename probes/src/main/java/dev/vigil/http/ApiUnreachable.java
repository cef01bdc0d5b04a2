package dev.vigil.http;

import dev.vigil.VigilException;

/**
 * The one error of {@link ApiClient}: no answer came (refused, timed out, name not resolved, TLS
 * refused, interrupted). The message is one line naming the URL without user information, the
 * cause and the fix; {@link #getCause()} keeps the transport's exception for the error
 * classification, and {@link #failure()} says whether waiting can mend it.
 */
public final class ApiUnreachable extends VigilException {

  private final transient ConnectionFailure failure;

  private ApiUnreachable(String message, ConnectionFailure failure, Throwable cause) {
    super(message, cause);
    this.failure = failure;
  }

  static ApiUnreachable of(String url, Throwable cause) {
    ConnectionFailure failure = ConnectionFailure.of(url, cause);
    return new ApiUnreachable(failure.describe(url), failure, cause);
  }

  static ApiUnreachable interrupted(String method, String url) {
    String what = "interrupted during " + method + " " + Urls.redact(url);
    return new ApiUnreachable(what, new ConnectionFailure(what, "", false, false), new InterruptedException(what));
  }

  public ConnectionFailure failure() {
    return failure;
  }

  public boolean interrupted() {
    return getCause() instanceof InterruptedException;
  }
}
