package dev.vigil.requestlogs;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lines of the last bytes of a file, each cut to a bound: a log without newlines, or one of
 * many gigabytes, costs no more memory than one cut line.
 */
final class TailLines implements Closeable {

  private final Reader reader;
  private final int maxChars;
  private final char[] buffer = new char[8192];
  private int pos;
  private int len;
  private boolean cut;

  /** Opens {@code file} at its last {@code maxBytes}; a partial first line there is skipped. */
  TailLines(Path file, long maxBytes, int maxChars) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    long from;
    try {
      from = Math.max(0, channel.size() - maxBytes);
      channel.position(from);
      // Logs are UTF-8 but may hold anything; a bad byte must not end the search.
      this.reader = new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    this.maxChars = maxChars;
    if (from > 0) {
      next();
    }
  }

  /** Whether {@code file} is longer than what is read of it. */
  static boolean longerThan(Path file, long maxBytes) throws IOException {
    return java.nio.file.Files.size(file) > maxBytes;
  }

  /** The next line without its end, at most maxChars long; null at the end. */
  String next() throws IOException {
    StringBuilder line = new StringBuilder();
    cut = false;
    boolean any = false;
    while (true) {
      if (pos == len) {
        len = reader.read(buffer);
        pos = 0;
        if (len <= 0) {
          len = 0;
          return any ? line.toString() : null;
        }
      }
      any = true;
      char c = buffer[pos++];
      if (c == '\n') {
        return line.toString();
      }
      if (c != '\r') {
        if (line.length() < maxChars) {
          line.append(c);
        } else {
          cut = true;
        }
      }
    }
  }

  /** Whether the last line returned was longer than maxChars. */
  boolean wasCut() {
    return cut;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
