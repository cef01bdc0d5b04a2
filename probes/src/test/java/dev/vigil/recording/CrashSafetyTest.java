package dev.vigil.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} of a recording JVM loses at most the last second. */
class CrashSafetyTest {

  @TempDir
  Path tmp;

  @Test
  void aKilledRecorderKeepsEverythingRecordedMoreThanASecondBefore() throws Exception {
    Path run = tmp.resolve("run");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        CrashChild.class.getName(), run.toString()).redirectErrorStream(true).start();
    long confirmed = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.matches("\\d+")) {
          confirmed = Long.parseLong(line);
          if (confirmed >= 500) {
            break;
          }
        }
      }
      assertThat(confirmed).as("child output").isGreaterThanOrEqualTo(500);
      // Everything recorded up to `confirmed` is now at least this old when the kill comes.
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_000);
      while (System.nanoTime() < until) {
        Thread.sleep(until - System.nanoTime() > 1_000_000 ? 1 : 0);
      }
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    } finally {
      child.destroyForcibly();
    }

    long expectNext = 0;
    try (RecordReader<RequestRecord> reader = RecordReader.requests(run)) {
      while (reader.hasNext()) {
        RequestRecord r = reader.next();
        assertThat(r.startMs()).isEqualTo(expectNext);
        expectNext++;
      }
    }
    assertThat(expectNext - 1).isGreaterThanOrEqualTo(confirmed);
  }
}
