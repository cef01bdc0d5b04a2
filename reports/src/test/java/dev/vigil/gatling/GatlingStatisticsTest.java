package dev.vigil.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingStatisticsTest {

  @TempDir Path dir;

  /**
   * A simulation.log Gatling 3.15.1 wrote for a 10 s identity window on the lab, beside the figures
   * its own report (index.html of the same run) shows for it.
   */
  @Test
  void aLogGatlingWroteGivesTheFiguresOfGatlingsOwnReport() {
    GatlingStatistics g = GatlingStatistics.of(Path.of("src/test/resources/gatling/windowsimulation-20261202212100359"));

    assertThat(g.gatlingVersion()).isEqualTo("3.15.1");
    assertThat(g.simulation()).isEqualTo("dev.vigil.simulations.WindowSimulation");
    assertThat(g.partial()).isFalse();
    // total, OK, KO, Cnt/s, min, 50th, 75th, 95th, 99th, max, mean, std dev: the report's table
    assertThat(g.all()).isEqualTo(new RequestStatistics(RequestStatistics.ALL, 197, 197, 0, 19.7, 16, 25, 28, 49, 306, 309, 33, 39));
    assertThat(g.requests()).containsExactlyInAnyOrder(
        new RequestStatistics("identity validate-token (new)", 99, 99, 0, 9.9, 18, 26, 29, 71, 309, 309, 35, 41),
        new RequestStatistics("identity validate-token (reused)", 98, 98, 0, 9.8, 16, 25, 27, 49, 306, 306, 31, 38));
    assertThat(g.index()).as("this copy keeps the log only").isEmpty();
  }

  @Test
  void groupsCachedStringsUnicodeNamesAndFailuresAreReadAsGatlingWritesThem() throws IOException {
    LogWriter w = new LogWriter();
    w.run("3.15.1", "dev.vigil.simulations.WindowSimulation", 1_767_225_600_000L);
    w.user(0, true, 0);
    // the same name three times: written once, then by its cache index
    w.request(List.of(), "image list", 100, 110, true, "");
    w.request(List.of(), "image list", 200, 230, false, "status.find.in(200), but actually found 503");
    w.request(List.of(), "image list", 300, 320, true, "");
    w.request(List.of("flow", "créer ✓"), "POST /servers", 400, 900, true, "");
    w.error("status.find.in(200), but actually found 503", 230);
    w.group(List.of("flow", "créer ✓"), 400, 950, 500, true);
    w.user(0, false, 2_500);
    Path report = w.writeTo(dir.resolve("r1"));

    GatlingStatistics g = GatlingStatistics.of(report);

    assertThat(g.requests()).extracting(RequestStatistics::name).containsExactly("image list", "flow / créer ✓ / POST /servers");
    RequestStatistics images = g.requests().get(0);
    // 10, 30, 20 ms: mean 20, population standard deviation sqrt(200/3) = 8.2 → 8; 3 requests over
    // ceil(2.5 s) = 3 s; a digest of three single values answers p75 with the value at or above it
    assertThat(images).isEqualTo(new RequestStatistics("image list", 3, 2, 1, 1.0, 10, 20, 30, 30, 30, 30, 20, 8));
    assertThat(images.koPercent()).isEqualTo(100.0 / 3);
    assertThat(g.all().total()).isEqualTo(4);
    assertThat(g.all().max()).isEqualTo(500);
  }

  @Test
  void aLogCutShortIsReadUpToItsLastWholeRecordAndSaidToBePartial() throws IOException {
    LogWriter w = new LogWriter();
    w.run("3.15.1", "S", 0);
    w.request(List.of(), "a", 0, 5, true, "");
    w.request(List.of(), "a", 10, 17, true, "");
    Path report = w.writeTo(dir.resolve("r2"));
    byte[] whole = Files.readAllBytes(report.resolve("simulation.log"));
    Files.write(report.resolve("simulation.log"), java.util.Arrays.copyOf(whole, whole.length - 3));

    GatlingStatistics g = GatlingStatistics.of(report);

    assertThat(g.partial()).isTrue();
    assertThat(g.all().total()).isEqualTo(1);
  }

  @Test
  void aFileThatIsNoSimulationLogIsOneLine() throws IOException {
    Path report = Files.createDirectories(dir.resolve("r3"));
    Files.writeString(report.resolve("simulation.log"), "RUN\tdev.vigil.Old\tlegacy text format\n");

    assertThatThrownBy(() -> GatlingStatistics.of(report)).isInstanceOf(VigilException.class)
        .hasMessageContaining("is not a Gatling simulation.log").hasMessageNotContaining("\n");
  }

  @Test
  void aRunFolderGivesItsNewestGatlingRunAndNothingWithoutOne() throws IOException {
    Path run = dir.resolve("run");
    LogWriter older = new LogWriter();
    older.run("3.15.1", "Old", 0);
    older.request(List.of(), "a", 0, 5, true, "");
    older.writeTo(run.resolve("gatling/windowsimulation-20261201100000000"));
    LogWriter newer = new LogWriter();
    newer.run("3.15.1", "New", 0);
    newer.request(List.of(), "a", 0, 5, true, "");
    newer.writeTo(run.resolve("gatling/windowsimulation-20261202100000000"));

    assertThat(GatlingStatistics.ofRunFolder(run)).get().extracting(GatlingStatistics::simulation).isEqualTo("New");
    assertThat(GatlingStatistics.ofRunFolder(dir.resolve("empty"))).isEmpty();
  }

  /**
   * Writes records the way gatling-core's LogFileDataWriter (3.15.1) lays them out, so that the
   * reader meets every kind of record and both string coders.
   */
  private static final class LogWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final Map<String, Integer> cache = new HashMap<>();

    void run(String version, String simulation, long start) throws IOException {
      out.writeByte(0);
      string(version);
      string(simulation);
      out.writeLong(start);
      string("");
      out.writeInt(1);
      string("window");
      out.writeInt(1);
      out.writeInt(3);
      out.write(new byte[] {1, 2, 3});
    }

    void user(int scenario, boolean start, int at) throws IOException {
      out.writeByte(2);
      out.writeInt(scenario);
      out.writeBoolean(start);
      out.writeInt(at);
    }

    void request(List<String> groups, String name, int start, int end, boolean ok, String message) throws IOException {
      out.writeByte(1);
      groups(groups);
      cached(name);
      out.writeInt(start);
      out.writeInt(end);
      out.writeBoolean(ok);
      cached(message);
    }

    void group(List<String> groups, int start, int end, int cumulated, boolean ok) throws IOException {
      out.writeByte(3);
      groups(groups);
      out.writeInt(start);
      out.writeInt(end);
      out.writeInt(cumulated);
      out.writeBoolean(ok);
    }

    void error(String message, int at) throws IOException {
      out.writeByte(4);
      cached(message);
      out.writeInt(at);
    }

    Path writeTo(Path report) throws IOException {
      Files.createDirectories(report);
      Files.write(report.resolve("simulation.log"), bytes.toByteArray());
      return report;
    }

    private void groups(List<String> groups) throws IOException {
      out.writeInt(groups.size());
      for (String g : groups) {
        cached(g);
      }
    }

    private void cached(String s) throws IOException {
      Integer index = cache.get(s);
      if (index == null) {
        index = cache.size() + 1;
        cache.put(s, index);
        out.writeInt(index);
        string(s);
      } else {
        out.writeInt(-index);
      }
    }

    /** A compact String's bytes (Latin-1, coder 0) when it can be one, else UTF-16 (coder 1). */
    private void string(String s) throws IOException {
      if (s.isEmpty()) {
        out.writeInt(0);
        return;
      }
      boolean latin1 = s.chars().allMatch(c -> c < 256);
      byte[] value = s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
      out.writeInt(value.length);
      out.write(value);
      out.writeByte(latin1 ? 0 : 1);
    }
  }
}
