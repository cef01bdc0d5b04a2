package dev.vigil.gatling;

import dev.vigil.VigilException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads Gatling's binary {@code simulation.log}, the file its HTML report is computed from. The
 * format is Gatling's own (gatling-core {@code LogFileDataWriter}, read back by gatling-charts
 * {@code LogFileReader}, 3.15.1): a run record, then user, request, group and error records, each
 * after a one-byte header; strings are a length, the bytes and the {@code String} coder byte;
 * repeated strings are a cache index. A log cut short (a killed JVM) is read up to its last whole
 * record and said to be partial, as Gatling's reader does.
 */
public final class SimulationLog {

  private static final byte RUN = 0;
  private static final byte REQUEST = 1;
  private static final byte USER = 2;
  private static final byte GROUP = 3;
  private static final byte ERROR = 4;

  /** What the run record says. */
  public record Header(String gatlingVersion, String simulation, long startMillis, String description) {}

  /**
   * One request as Gatling logged it.
   *
   * @param groups the group hierarchy, outermost first; empty outside groups
   * @param startOffset milliseconds after the run's start
   */
  public record Request(List<String> groups, String name, int startOffset, int endOffset, boolean ok, String message) {

    public int responseTime() {
      return endOffset - startOffset;
    }
  }

  /**
   * The file once read.
   *
   * @param injectStart first user start or request start, ms after the run's start (as Gatling's
   *     report bounds the run)
   * @param injectEnd last user event or request or group end
   * @param partial the file ended inside a record
   */
  public record Summary(Header header, long injectStart, long injectEnd, boolean partial) {}

  private final Path file;
  private final DataInputStream in;
  private final Map<Integer, String> cache = new HashMap<>();
  private long injectStart = Long.MAX_VALUE;
  private long injectEnd = Long.MIN_VALUE;

  private SimulationLog(Path file, InputStream in) {
    this.file = file;
    this.in = new DataInputStream(new BufferedInputStream(in, 1 << 16));
  }

  /** Reads {@code file}, handing each request to {@code requests} in the order Gatling wrote them. */
  public static Summary read(Path file, Consumer<Request> requests) {
    try (InputStream stream = Files.newInputStream(file)) {
      return new SimulationLog(file, stream).readAll(requests);
    } catch (IOException e) {
      throw new VigilException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private Summary readAll(Consumer<Request> requests) throws IOException {
    Header header;
    try {
      if (in.read() != RUN) {
        throw new VigilException(file + " is not a Gatling simulation.log (it does not start with a run record)");
      }
      header = new Header(readString(), readString(), in.readLong(), readString());
      int scenarios = in.readInt();
      for (int i = 0; i < scenarios; i++) {
        readString();
      }
      int assertions = in.readInt();
      for (int i = 0; i < assertions; i++) {
        in.skipNBytes(in.readInt());
      }
    } catch (EOFException e) {
      throw new VigilException(file + " ends inside its run record: Gatling wrote nothing else");
    }
    boolean partial = false;
    for (int header0 = in.read(); header0 >= 0; header0 = in.read()) {
      try {
        switch ((byte) header0) {
          case REQUEST -> requests.accept(request());
          case USER -> user();
          case GROUP -> group();
          case ERROR -> {
            cached();
            in.readInt();
          }
          default -> throw new VigilException(file + ": record type " + header0 + " unknown to this reader of Gatling 3.15's format (the log says Gatling "
              + header.gatlingVersion() + ")");
        }
      } catch (EOFException e) {
        partial = true;
        break;
      }
    }
    return new Summary(header, injectStart, injectEnd, partial);
  }

  private Request request() throws IOException {
    List<String> groups = groups();
    String name = cached();
    int start = in.readInt();
    int end = in.readInt();
    boolean ok = in.readBoolean();
    String message = cached();
    injectStart = Math.min(injectStart, start);
    injectEnd = Math.max(injectEnd, end);
    return new Request(groups, name, start, end, ok, message);
  }

  private void user() throws IOException {
    in.readInt();
    boolean start = in.readBoolean();
    int at = in.readInt();
    if (start) {
      injectStart = Math.min(injectStart, at);
    }
    injectEnd = Math.max(injectEnd, at);
  }

  private void group() throws IOException {
    groups();
    int start = in.readInt();
    int end = in.readInt();
    in.readInt();
    in.readBoolean();
    injectStart = Math.min(injectStart, start);
    injectEnd = Math.max(injectEnd, end);
  }

  private List<String> groups() throws IOException {
    int n = in.readInt();
    List<String> groups = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      groups.add(cached());
    }
    return groups;
  }

  /** A string given once with its index and then by the index negated, as the writer caches them. */
  private String cached() throws IOException {
    int index = in.readInt();
    if (index >= 0) {
      String s = sanitized(readString());
      cache.put(index, s);
      return s;
    }
    String s = cache.get(-index);
    if (s == null) {
      throw new VigilException(file + ": a string refers to index " + -index + ", which the log never gave; the file is damaged");
    }
    return s;
  }

  private String readString() throws IOException {
    int length = in.readInt();
    if (length == 0) {
      return "";
    }
    byte[] value = in.readNBytes(length);
    if (value.length < length) {
      throw new EOFException();
    }
    // The writer copies the String's own bytes: Latin-1 (coder 0) or UTF-16 in the JVM's byte
    // order (coder 1), little-endian on the x86 and ARM machines Gatling runs on.
    byte coder = in.readByte();
    return new String(value, coder == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
  }

  /** As Gatling's reader does, so that names match the report's. */
  private static String sanitized(String s) {
    return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
  }
}
