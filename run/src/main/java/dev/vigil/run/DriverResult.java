package dev.vigil.run;

/**
 * How the driver's step went.
 *
 * @param exitCode the command's exit code; null for the external driver or when it did not end by itself
 * @param startMs when the step began (epoch ms)
 * @param endMs when it ended (epoch ms)
 * @param error why the step failed, as one line; null when it succeeded
 * @param stopped the run was stopped (Ctrl-C, SIGTERM) while the step ran
 */
public record DriverResult(Integer exitCode, long startMs, long endMs, String error, boolean stopped) {

  public boolean ok() {
    return error == null && !stopped;
  }

  public double seconds() {
    return (endMs - startMs) / 1000.0;
  }
}
