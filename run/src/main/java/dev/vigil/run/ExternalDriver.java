package dev.vigil.run;

import dev.vigil.recording.EventKind;
import dev.vigil.recording.EventRecord;
import java.time.Duration;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code --driver external} (use case 1): the deployer performs the upgrade with their own tools
 * and tells Vigil where the phases begin with {@code vigil mark DIR during}, {@code after} and
 * {@code done}. A later mark also ends the phases before it (a forgotten {@code during} does not
 * hang the run). --before and --after are not used: the marks decide.
 */
public final class ExternalDriver implements Driver {

  private static final Duration POLL = Duration.ofMillis(100);

  private final Set<Marks.Name> announced = EnumSet.noneOf(Marks.Name.class);

  @Override
  public String name() {
    return "external";
  }

  @Override
  public long awaitDuring(Context context, Duration before) throws InterruptedException {
    context.progress().accept("waiting for the upgrade to start: vigil mark " + context.runDir() + " during");
    return awaitAny(context, Marks.Name.DURING);
  }

  @Override
  public DriverResult upgrade(Context context) throws InterruptedException {
    long start = System.currentTimeMillis();
    context.progress().accept("waiting for the upgrade to end: vigil mark " + context.runDir() + " after");
    long end = awaitAny(context, Marks.Name.AFTER);
    if (end < 0) {
      return new DriverResult(null, start, System.currentTimeMillis(), "stopped by Ctrl-C or SIGTERM before the mark after", true);
    }
    return new DriverResult(null, start, end, null, false);
  }

  @Override
  public long awaitDone(Context context, Duration after) throws InterruptedException {
    context.progress().accept("measuring after the upgrade until: vigil mark " + context.runDir() + " done (or Ctrl-C/SIGTERM)");
    long done = awaitAny(context, Marks.Name.DONE);
    // After the upgrade, a signal is how a deployer's script says "done" as well.
    return done < 0 ? System.currentTimeMillis() : done;
  }

  /** Waits for {@code mark} or any later one; returns the earliest such mark's time, or -1 on stop. */
  private long awaitAny(Context context, Marks.Name mark) throws InterruptedException {
    while (true) {
      long found = -1;
      for (Marks.Name m : Marks.Name.values()) {
        OptionalLong at = Marks.read(context.runDir(), m);
        if (at.isPresent() && announced.add(m)) {
          context.events().accept(new EventRecord(at.getAsLong(), EventKind.MARK, null, m.label()));
          context.progress().accept("mark " + m.label() + " set");
        }
        if (m.compareTo(mark) >= 0 && at.isPresent() && (found < 0 || at.getAsLong() < found)) {
          found = at.getAsLong();
        }
      }
      if (found >= 0) {
        return found;
      }
      if (context.stop().await(POLL)) {
        return -1;
      }
    }
  }

  /** An option of the other drivers given with this one: one line naming the fix. */
  public static dev.vigil.VigilException notWith(String option) {
    return new dev.vigil.VigilException(option + " does not go with --driver external (you drive, and 'vigil mark DIR during|after|done' sets the phases): "
        + "drop it, or use --driver command");
  }
}
