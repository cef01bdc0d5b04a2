package dev.vigil.simulations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the simulation when to end its window. Gatling leaves no report when its JVM is signalled,
 * so the CLI asks for the end by creating a stop file; the simulation also ends when the CLI's
 * process has died (kill -9), so a window never outlives its owner by more than one poll.
 */
public final class StopSignal {

  private final Path stopFile;
  private final long parentPid;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private volatile String reason;

  public StopSignal(Path stopFile, long parentPid) {
    this.stopFile = stopFile;
    this.parentPid = parentPid;
  }

  /** Polled by the simulation's watchdog; cheap enough to call every 100 ms. */
  public boolean stopRequested() {
    if (stopped.get()) {
      return true;
    }
    if (Files.exists(stopFile)) {
      stop("stop requested");
    } else if (parentPid > 0 && !ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
      stop("the vigil process " + parentPid + " is gone");
    }
    return stopped.get();
  }

  public void stop(String why) {
    if (stopped.compareAndSet(false, true)) {
      reason = why;
    }
  }

  public String reason() {
    return reason;
  }
}
