package dev.vigil.host;

import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code host-commands.log} in the run folder: every command Vigil ran where a service runs, when,
 * where and what came of it, secrets hidden (the answer's lines are already redacted), so an
 * operator can see exactly what touched the hosts.
 */
public final class HostLog {

  public static final String FILE = "host-commands.log";

  private final Path file;

  private HostLog(Path file) {
    this.file = file;
  }

  public static HostLog in(Path runDir) {
    return new HostLog(runDir.resolve(FILE));
  }

  public Path file() {
    return file;
  }

  synchronized void write(Instant start, HostAnswer a) {
    StringBuilder b = new StringBuilder();
    b.append(start.truncatedTo(ChronoUnit.MILLIS)).append(' ').append(a.place().describe()).append(": ").append(a.command()).append('\n');
    b.append("  → ").append(a.summary()).append(String.format(java.util.Locale.ROOT, " (%.1f s)", a.seconds())).append('\n');
    a.output().forEach(l -> b.append("  | ").append(l).append('\n'));
    a.errors().forEach(l -> b.append("  ! ").append(l).append('\n'));
    try {
      Files.writeString(file, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new VigilException("cannot write " + file + " (" + e.getMessage() + "): check the run folder");
    }
  }
}
