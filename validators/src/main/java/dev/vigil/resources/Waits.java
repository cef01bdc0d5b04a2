package dev.vigil.resources;

import dev.vigil.VigilException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a resource's status until it settles, printing a progress line when it changes or every 5 s. */
final class Waits {

  private Waits() {}

  /**
   * @param status the current status, or null when the resource is gone
   * @param failed statuses that will not change by waiting (ERROR)
   * @return the status it settled in
   */
  static String until(Api api, String what, Duration max, Supplier<String> status, Predicate<String> done, Set<String> failed) {
    long start = System.nanoTime();
    long deadline = start + max.toNanos();
    String last = null;
    long lastPrint = 0;
    while (true) {
      String s = status.get();
      if (done.test(s)) {
        return s;
      }
      long now = System.nanoTime();
      if (s != null && failed.contains(s)) {
        throw new VigilException(what + " went to " + s + " after " + seconds(now - start) + " s");
      }
      if (!java.util.Objects.equals(s, last) || now - lastPrint > 5_000_000_000L) {
        api.progress("  " + what + ": " + (s == null ? "gone" : s) + " after " + seconds(now - start) + " s");
        last = s;
        lastPrint = now;
      }
      if (now > deadline) {
        throw new VigilException(what + " is still " + (s == null ? "gone" : s) + " after " + max.toSeconds()
            + " s: the service is slow or stuck; look at its logs, then remove leftovers with vigil sweep");
      }
      Rest.sleep(1000);
    }
  }

  private static long seconds(long nanos) {
    return Math.round(nanos / 1e9);
  }
}
