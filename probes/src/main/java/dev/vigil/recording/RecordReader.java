package dev.vigil.recording;

import dev.vigil.VigilException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads one file of a run folder back, one record at a time (constant memory). It may read a file
 * that is still being written: a last line without its newline is a line being written, or cut by
 * a crash, and is skipped ({@link #truncated()} tells). A bad header or a damaged line in the
 * middle is a {@link VigilException} naming {@code file:line}.
 *
 * <p>A reader made by {@link #followRequests} tails a live file instead: {@link #hasNext()} is
 * false at the current end, and true again once more complete lines were appended; a line being
 * written is kept until its newline arrives. That is how a live view reads a running window
 * without reading the file again.
 */
public final class RecordReader<T> implements Iterator<T>, Closeable {

  private final Path file;
  private final RunFile<T> format;
  private final InputStream in;
  private final boolean follow;
  private final byte[] buf = new byte[64 * 1024];
  private final String[] fields;
  private int pos;
  private int limit;
  /** The start of a line whose newline has not been read yet. */
  private byte[] partial = new byte[256];
  private int partialLength;
  private long lineNumber;
  private boolean truncated;
  private T next;
  private boolean done;

  private RecordReader(Path file, RunFile<T> format, InputStream in, boolean follow) {
    this.file = file;
    this.format = format;
    this.in = in;
    this.follow = follow;
    this.fields = new String[format.columns.size()];
  }

  /** The requests of a run folder; its {@code records.tsv} must exist. */
  public static RecordReader<RequestRecord> requests(Path runDir) {
    Path file = runDir.resolve(RunFile.REQUESTS.fileName);
    if (!Files.isRegularFile(file)) {
      throw new VigilException("No " + RunFile.REQUESTS.fileName + " in " + runDir
          + ": not a Vigil run folder, or its window never started; pass the folder given to --out");
    }
    return open(file, RunFile.REQUESTS, false);
  }

  /**
   * Tails the requests of a running window: see the class comment. The file and its header must
   * exist (the recorder writes them when it opens).
   */
  public static RecordReader<RequestRecord> followRequests(Path runDir) {
    return open(runDir.resolve(RunFile.REQUESTS.fileName), RunFile.REQUESTS, true);
  }

  /** The flows of a run folder; none if it has no {@code flows.tsv}. */
  public static RecordReader<FlowRecord> flows(Path runDir) {
    return openIfPresent(runDir.resolve(RunFile.FLOWS.fileName), RunFile.FLOWS);
  }

  /** The events of a run folder; none if it has no {@code events.tsv}. */
  public static RecordReader<EventRecord> events(Path runDir) {
    return openIfPresent(runDir.resolve(RunFile.EVENTS.fileName), RunFile.EVENTS);
  }

  static <T> RecordReader<T> openIfPresent(Path file, RunFile<T> format) {
    if (!Files.exists(file)) {
      RecordReader<T> empty = new RecordReader<>(file, format, InputStream.nullInputStream(), false);
      empty.done = true;
      return empty;
    }
    return open(file, format, false);
  }

  static <T> RecordReader<T> open(Path file, RunFile<T> format) {
    return open(file, format, false);
  }

  private static <T> RecordReader<T> open(Path file, RunFile<T> format, boolean follow) {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new VigilException("Cannot read " + file + ": it does not exist; pass a Vigil run folder");
    } catch (IOException e) {
      throw new VigilException("Cannot read " + file + ": " + e.getMessage() + "; check it is readable");
    }
    RecordReader<T> reader = new RecordReader<>(file, format, in, follow);
    try {
      reader.readHeader();
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
    return reader;
  }

  /** This reader as a stream; closing the stream closes the file. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
  }

  /**
   * Whether the file ended with a cut line (skipped). Known once the reader is exhausted; always
   * false when following, as the rest of the line may still come.
   */
  public boolean truncated() {
    return truncated;
  }

  public Path file() {
    return file;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (done) {
      return false;
    }
    String line = readLine();
    if (line == null) {
      done = !follow;
      return false;
    }
    next = parse(line);
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T result = next;
    next = null;
    return result;
  }

  @Override
  public void close() {
    done = true;
    try {
      in.close();
    } catch (IOException ignored) {
      // Read-only: nothing to lose.
    }
  }

  private void readHeader() {
    String magic = readLine();
    if (magic == null) {
      throw bad(1, "empty file, expected the header '" + format.magic + "'");
    }
    if (!magic.equals(format.magic)) {
      String prefix = format.magic.substring(0, format.magic.lastIndexOf(' ') + 2);
      if (magic.startsWith(prefix)) {
        throw bad(1, "format " + magic.substring(prefix.length() - 1) + " is not one this Vigil reads ("
            + format.magic + "); read it with the Vigil version that wrote it");
      }
      throw bad(1, "expected the header '" + format.magic + "', found '" + shorten(magic)
          + "'; this is not a Vigil " + format.fileName + " file");
    }
    String columns = readLine();
    if (columns == null || !columns.equals(format.columnLine)) {
      throw bad(2, "expected the columns '" + format.columnLine.replace('\t', ' ') + "', found '"
          + shorten(columns == null ? "" : columns.replace('\t', ' ')) + "'; the header is damaged");
    }
  }

  private T parse(String line) {
    int count = Tsv.split(line, fields);
    if (count != fields.length) {
      throw bad(lineNumber, "expected " + fields.length + " tab-separated fields, found " + count
          + "; the file is damaged: remove that line to read the rest");
    }
    try {
      return format.decode(fields);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw bad(lineNumber, e.getMessage() + "; the file is damaged: remove that line to read the rest");
    }
  }

  /**
   * The next complete line, or null at the end. Lines are split on the byte {@code \n}, which
   * never occurs inside a UTF-8 multi-byte character, then decoded.
   */
  private String readLine() {
    try {
      while (true) {
        if (pos >= limit) {
          int n = in.read(buf, 0, buf.length);
          pos = 0;
          limit = Math.max(n, 0);
          if (n <= 0) {
            truncated = !follow && partialLength > 0;
            return null;
          }
        }
        for (int i = pos; i < limit; i++) {
          if (buf[i] == '\n') {
            String line;
            if (partialLength == 0) {
              line = new String(buf, pos, i - pos, StandardCharsets.UTF_8);
            } else {
              keep(pos, i);
              line = new String(partial, 0, partialLength, StandardCharsets.UTF_8);
              partialLength = 0;
            }
            pos = i + 1;
            lineNumber++;
            return line;
          }
        }
        keep(pos, limit);
        pos = limit;
      }
    } catch (IOException e) {
      throw new VigilException("Cannot read " + file + ": " + e.getMessage() + "; check it is readable", e);
    }
  }

  private void keep(int from, int to) {
    int n = to - from;
    if (partialLength + n > partial.length) {
      partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + n));
    }
    System.arraycopy(buf, from, partial, partialLength, n);
    partialLength += n;
  }

  private VigilException bad(long line, String reason) {
    return new VigilException(file + ":" + line + ": " + reason);
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
