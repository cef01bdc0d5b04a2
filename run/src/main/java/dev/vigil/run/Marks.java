package dev.vigil.run;

import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The marks a deployer sets with {@code vigil mark DIR during|after|done} while an external-driver
 * run waits: one file per mark in the run folder, holding the epoch ms it was set at. Files, not
 * appends to events.tsv, so the marking process never writes into a file two other processes
 * append to; the run turns each mark into a MARK event with the mark's own time.
 */
public final class Marks {

  /** The file a running {@code vigil run} writes first; {@code vigil mark} refuses a folder without it. */
  public static final String RUN_FILE = dev.vigil.simulations.RunFolder.RUN_FILE;

  public enum Name {
    DURING,
    AFTER,
    DONE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Name parse(String text) {
      for (Name n : values()) {
        if (n.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
          return n;
        }
      }
      throw new VigilException("unknown mark \"" + text + "\": use during (the upgrade starts), after (it ended) or done (end the run)");
    }
  }

  private Marks() {}

  static Path file(Path runDir, Name mark) {
    return runDir.resolve("mark-" + mark.label());
  }

  /** Sets {@code mark} now; a mark already set keeps its first time. Returns that time. */
  public static long set(Path runDir, Name mark) {
    if (!Files.isRegularFile(runDir.resolve(RUN_FILE))) {
      throw new VigilException(runDir + " is not the folder of a vigil run (no " + RUN_FILE + "): give the --out DIR of the running 'vigil run --driver external'");
    }
    OptionalLong existing = read(runDir, mark);
    if (existing.isPresent()) {
      return existing.getAsLong();
    }
    long now = System.currentTimeMillis();
    Path target = file(runDir, mark);
    Path tmp = runDir.resolve(".mark-" + mark.label() + ".tmp");
    try {
      Files.writeString(tmp, now + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target);
      }
      return now;
    } catch (IOException e) {
      throw new VigilException("cannot write the mark " + target + " (" + e.getMessage() + "): check the folder's permissions");
    }
  }

  /** When {@code mark} was set, if it was. */
  public static OptionalLong read(Path runDir, Name mark) {
    Path f = file(runDir, mark);
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(f, StandardCharsets.UTF_8).strip()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
