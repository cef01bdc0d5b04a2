package dev.vigil.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A run's request to end early (Ctrl-C, SIGTERM, or the caller): every wait of the run honours it. */
public final class Stop {

  private final CountDownLatch latch = new CountDownLatch(1);

  public void request() {
    latch.countDown();
  }

  public boolean requested() {
    return latch.getCount() == 0;
  }

  /** Waits {@code d}; true when the stop came first. */
  public boolean await(Duration d) throws InterruptedException {
    return latch.await(d.toMillis(), TimeUnit.MILLISECONDS);
  }
}
