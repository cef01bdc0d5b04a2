package dev.vigil.run;

import dev.vigil.recording.EventRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Deployment control (requirement 11): what performs the upgrade and so decides where the phases
 * begin. The run calls the three methods in order; each blocks, honours {@link Stop}, and returns
 * the epoch ms at which the next phase begins (or -1 when the run was stopped first).
 */
public interface Driver {

  /** {@code command}, {@code external}. */
  String name();

  /** Ends the baseline: the {@code during} phase begins at the returned time. */
  long awaitDuring(Context context, Duration before) throws InterruptedException;

  /** Performs (or waits out) the upgrade: the {@code after} phase begins when it returns. */
  DriverResult upgrade(Context context) throws InterruptedException;

  /** Ends the after phase: the window closes at the returned time. */
  long awaitDone(Context context, Duration after) throws InterruptedException;

  /**
   * @param runDir the run folder (driver.log, marks)
   * @param workingDir where a command runs
   * @param stop the run's stop request
   * @param events DRIVER and MARK events for events.tsv
   * @param progress one-line progress for the person watching
   */
  record Context(Path runDir, Path workingDir, Stop stop, Consumer<EventRecord> events, Consumer<String> progress) {}
}
