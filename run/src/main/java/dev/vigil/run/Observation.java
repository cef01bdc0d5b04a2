package dev.vigil.run;

import java.time.Duration;

/**
 * The observers' window as the run drives it: a Gatling JVM in the CLI ({@code WindowRunner}),
 * which lives in a module the validators do not depend on, hence this seam.
 */
public interface Observation extends AutoCloseable {

  /** Starts observing and waits until the first probes leave; false when it did not start in time. */
  boolean start(Duration patience) throws InterruptedException;

  /** Asks the window to end and waits for it (flows' grace, report); returns the observers' exit code. */
  int stop(Duration patience) throws InterruptedException;

  /** Ends the observers at once if still running. */
  @Override
  void close();
}
