package dev.vigil.recording;

import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * One append-only file of the run folder, used by the recorder's writer thread only.
 *
 * <p>Lines are buffered here and written with one append per flush, always whole lines: a crash
 * can cut at most the line being written, and several processes may append to the same file (the
 * CLI writes events while the simulation JVM writes records) without interleaving inside a line.
 */
final class FileSink<T> {

  /** Flush early when this many chars wait, so one write stays a sensible size. */
  static final int FLUSH_CHARS = 256 * 1024;

  final Path path;
  private final RunFile<T> format;
  private final FileChannel channel;
  private final Object fileKey;
  private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
  /** Records in {@link #buffer}: not yet on disk. */
  int unflushed;

  private FileSink(Path path, RunFile<T> format, FileChannel channel) throws IOException {
    this.path = path;
    this.format = format;
    this.channel = channel;
    this.fileKey = key(path);
  }

  /** Opens {@code folder/<file>} for appending, writing the header if the file is new or empty. */
  static <T> FileSink<T> open(Path folder, RunFile<T> format) throws IOException {
    Path path = folder.resolve(format.fileName);
    if (Files.isRegularFile(path) && Files.size(path) > 0) {
      checkHeader(path, format);
      try (FileChannel rw = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        dropPartialLastLine(rw);
      }
    }
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    try {
      if (channel.size() == 0) {
        writeFully(channel, format.header().getBytes(StandardCharsets.UTF_8));
      }
      return new FileSink<>(path, format, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  void append(T record) {
    format.encode(record, buffer);
    buffer.append('\n');
    unflushed++;
  }

  boolean wantsFlush() {
    return buffer.length() >= FLUSH_CHARS;
  }

  /** Writes the buffered lines in one append; on failure the buffer is kept for counting. */
  void flush() throws IOException {
    if (buffer.length() == 0) {
      return;
    }
    checkInPlace();
    writeFully(channel, buffer.toString().getBytes(StandardCharsets.UTF_8));
    buffer.setLength(0);
    unflushed = 0;
  }

  /** Forces the data to the device, then closes. */
  void close() throws IOException {
    try {
      channel.force(false);
    } finally {
      channel.close();
    }
  }

  /** Closes without writing what is buffered: used once writing has failed. */
  void abandon() {
    buffer.setLength(0);
    unflushed = 0;
    try {
      channel.close();
    } catch (IOException ignored) {
      // Already failing: the caller has reported it once.
    }
  }

  /**
   * On Linux a removed file (or folder) still accepts writes through an open descriptor, which
   * would silently lose everything from then on; so check the path still names our file.
   */
  private void checkInPlace() throws IOException {
    Object now;
    try {
      now = key(path);
    } catch (NoSuchFileException e) {
      throw new RemovedException(path);
    }
    if (fileKey != null && !Objects.equals(fileKey, now)) {
      throw new RemovedException(path);
    }
  }

  private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
    ByteBuffer data = ByteBuffer.wrap(bytes);
    while (data.hasRemaining()) {
      channel.write(data);
    }
  }

  private static Object key(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
  }

  private static void checkHeader(Path path, RunFile<?> format) throws IOException {
    try (RecordReader<?> reader = RecordReader.open(path, format)) {
      // Opening reads and checks the two header lines.
    } catch (VigilException e) {
      throw new VigilException(e.getMessage() + "; choose an empty --out folder for a new run", e);
    }
  }

  /** A crash may have cut the last line: drop it so new lines do not glue onto it. */
  private static void dropPartialLastLine(FileChannel channel) throws IOException {
    long size = channel.size();
    long pos = size;
    ByteBuffer one = ByteBuffer.allocate(1);
    while (pos > 0) {
      one.clear();
      channel.read(one, pos - 1);
      if (one.get(0) == '\n') {
        break;
      }
      pos--;
    }
    if (pos < size) {
      channel.truncate(pos);
    }
  }

  /** The file or its folder was removed or replaced while recording. */
  static final class RemovedException extends IOException {
    RemovedException(Path path) {
      super(path + " was removed or replaced");
    }
  }
}
