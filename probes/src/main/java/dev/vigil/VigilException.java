package dev.vigil;

/**
 * A failure the user can act on. Its message is one line that names the problem and the fix, so the
 * CLI prints it as it is, without a stack trace. It must never carry a secret.
 */
public class VigilException extends RuntimeException {

  public VigilException(String message) {
    super(message);
  }

  public VigilException(String message, Throwable cause) {
    super(message, cause);
  }
}
