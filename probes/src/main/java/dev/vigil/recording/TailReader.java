package dev.vigil.recording;

import dev.vigil.VigilException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads one file of a run folder from a byte offset, one complete line at a time, and tells the
 * byte offset after each record: what a consumer that must resume where it stopped (the InfluxDB
 * sink's cursor) needs, and {@link RecordReader} does not give.
 *
 * <p>The file may still be written: a line without its newline is not returned until the newline
 * comes, and a file that does not exist yet reads as empty until it appears. A line that cannot be
 * decoded is skipped and counted in {@link #damaged()}, so one bad line cannot stop a live
 * consumer; a wrong header is a {@link VigilException}.
 */
public final class TailReader<T> implements Closeable {

  private final Path file;
  private final RunFile<T> format;
  private final String[] fields;
  private FileChannel channel;
  private byte[] buf = new byte[64 * 1024];
  /** Bytes of {@link #buf} in use; {@code buf[pos]} is at file position {@link #offset}. */
  private int length;
  private int pos;
  /** Header lines still to check: 2 when reading from the start of the file. */
  private int headerToCheck;
  /** File position of the first byte not yet consumed (a line start). */
  private long offset;
  private long damaged;

  private TailReader(Path file, RunFile<T> format, long offset) {
    this.file = file;
    this.format = format;
    this.fields = new String[format.columns.size()];
    this.offset = offset;
    this.headerToCheck = offset == 0 ? 2 : 0;
  }

  public static TailReader<RequestRecord> requests(Path runDir, long offset) {
    return new TailReader<>(runDir.resolve(RunFile.REQUESTS.fileName), RunFile.REQUESTS, offset);
  }

  public static TailReader<FlowRecord> flows(Path runDir, long offset) {
    return new TailReader<>(runDir.resolve(RunFile.FLOWS.fileName), RunFile.FLOWS, offset);
  }

  public static TailReader<EventRecord> events(Path runDir, long offset) {
    return new TailReader<>(runDir.resolve(RunFile.EVENTS.fileName), RunFile.EVENTS, offset);
  }

  public Path file() {
    return file;
  }

  /** The byte offset just after the last record returned (or the header): where to resume. */
  public long offset() {
    return offset;
  }

  /** Lines skipped because they could not be decoded. */
  public long damaged() {
    return damaged;
  }

  /** The next complete record, or null when none is there yet. */
  public T next() {
    while (true) {
      String line = line();
      if (line == null) {
        return null;
      }
      try {
        if (Tsv.split(line, fields) == fields.length) {
          return format.decode(fields);
        }
      } catch (IllegalArgumentException | NullPointerException e) {
        // counted below: a damaged line is skipped, not fatal
      }
      damaged++;
    }
  }

  /** Bytes from {@link #offset()} to the file's current end (an upper bound of what is unread). */
  public long remainingBytes() {
    try {
      return Files.exists(file) ? Math.max(0, Files.size(file) - offset) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // read-only: nothing to lose
      }
      channel = null;
    }
  }

  /** The next complete line (header lines checked and skipped at offset 0), or null. */
  private String line() {
    while (true) {
      String line = bufferedLine();
      if (line == null) {
        if (!fill()) {
          return null;
        }
        continue;
      }
      return line;
    }
  }

  private String bufferedLine() {
    while (true) {
      int nl = -1;
      for (int i = pos; i < length; i++) {
        if (buf[i] == '\n') {
          nl = i;
          break;
        }
      }
      if (nl < 0) {
        return null;
      }
      String line = new String(buf, pos, nl - pos, StandardCharsets.UTF_8);
      offset += nl + 1 - pos;
      pos = nl + 1;
      if (headerToCheck > 0) {
        checkHeader(line, 2 - headerToCheck);
        headerToCheck--;
        continue;
      }
      return line;
    }
  }

  private void checkHeader(String line, int index) {
    String expected = index == 0 ? format.magic : format.columnLine;
    if (!line.equals(expected)) {
      throw new VigilException(file + ":" + (index + 1) + ": expected '" + expected.replace('\t', ' ')
          + "'; this is not a Vigil " + format.fileName + " this version reads");
    }
  }

  /** Reads more of the file after what is buffered; false when nothing more is there. */
  private boolean fill() {
    try {
      if (channel == null) {
        try {
          channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
          return false;
        }
      }
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, length - pos);
        length -= pos;
        pos = 0;
      }
      if (length == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2); // one line longer than the buffer
      }
      int n = channel.read(ByteBuffer.wrap(buf, length, buf.length - length), offset + length);
      if (n <= 0) {
        return false;
      }
      length += n;
      return true;
    } catch (IOException e) {
      throw new VigilException("Cannot read " + file + ": " + e.getMessage() + "; check it is readable", e);
    }
  }
}
