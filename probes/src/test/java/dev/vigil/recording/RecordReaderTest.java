package dev.vigil.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReaderTest {

  private static final String HEADER = "# vigil records v1\n" + String.join("\t", RunFile.REQUESTS.columns) + "\n";
  private static final String LINE = "1000\t1003\tidentity\tvalidate-token\tGET\tPROBE\tNEW\t200\tNONE\t1\treq-1\n";

  @TempDir
  Path run;

  private void write(String content) throws IOException {
    Files.writeString(run.resolve("records.tsv"), content);
  }

  @Test
  void aCutLastLineIsSkippedAndReported() throws IOException {
    // Cut inside the request id: the fields still parse, but without its newline the line is incomplete.
    write(HEADER + LINE + LINE.replace("1000", "1100") + LINE.replace("1000", "1200").substring(0, LINE.length() - 3));
    try (RecordReader<RequestRecord> reader = RecordReader.requests(run)) {
      List<RequestRecord> all = reader.stream().toList();
      assertThat(all).extracting(RequestRecord::startMs).containsExactly(1000L, 1100L);
      assertThat(reader.truncated()).isTrue();
    }
  }

  @Test
  void aCompleteFileIsNotTruncated() throws IOException {
    write(HEADER + LINE);
    try (RecordReader<RequestRecord> reader = RecordReader.requests(run)) {
      assertThat(reader.stream().count()).isEqualTo(1);
      assertThat(reader.truncated()).isFalse();
    }
  }

  @Test
  void aForeignFileNamesFileAndLine() throws IOException {
    write("start,end\n1,2\n");
    assertThatThrownBy(() -> RecordReader.requests(run))
        .isInstanceOf(VigilException.class)
        .hasMessage(run.resolve("records.tsv") + ":1: expected the header '# vigil records v1', found 'start,end';"
            + " this is not a Vigil records.tsv file");
  }

  @Test
  void aNewerVersionSaysSo() throws IOException {
    write("# vigil records v2\nstart_ms\n");
    assertThatThrownBy(() -> RecordReader.requests(run))
        .hasMessageContaining("records.tsv:1: format v2 is not one this Vigil reads");
  }

  @Test
  void damagedColumnsOrLines() throws IOException {
    write("# vigil records v1\nstart_ms\tend_ms\n" + LINE);
    assertThatThrownBy(() -> RecordReader.requests(run)).hasMessageContaining("records.tsv:2: expected the columns");
    write(HEADER + LINE + "1000\t1003\tidentity\n" + LINE);
    try (Stream<RequestRecord> s = RecordReader.requests(run).stream()) {
      assertThatThrownBy(s::count)
          .hasMessageContaining("records.tsv:4: expected 11 tab-separated fields, found 3");
    }
    write(HEADER + LINE.replace("PROBE", "PROBES"));
    try (Stream<RequestRecord> s = RecordReader.requests(run).stream()) {
      assertThatThrownBy(s::count).hasMessageContaining("records.tsv:3: traffic has unknown value 'PROBES'");
    }
    write("");
    assertThatThrownBy(() -> RecordReader.requests(run)).hasMessageContaining("records.tsv:1: empty file");
  }

  @Test
  void followingATrailsTheFileAndWaitsForAWholeLine() throws IOException {
    Path file = run.resolve("records.tsv");
    write(HEADER + LINE);
    try (RecordReader<RequestRecord> reader = RecordReader.followRequests(run)) {
      assertThat(reader.next().startMs()).isEqualTo(1000);
      assertThat(reader.hasNext()).isFalse();
      String second = LINE.replace("1000", "1100").replace("req-1", "req-é");
      Files.writeString(file, second.substring(0, 20), StandardOpenOption.APPEND);
      assertThat(reader.hasNext()).isFalse();
      Files.writeString(file, second.substring(20), StandardOpenOption.APPEND);
      assertThat(reader.hasNext()).isTrue();
      RequestRecord r = reader.next();
      assertThat(r.startMs()).isEqualTo(1100);
      assertThat(r.requestId()).isEqualTo("req-é");
      assertThat(reader.hasNext()).isFalse();
      assertThat(reader.truncated()).isFalse();
    }
  }

  @Test
  void missingFiles() {
    assertThatThrownBy(() -> RecordReader.requests(run))
        .isInstanceOf(VigilException.class)
        .hasMessageStartingWith("No records.tsv in " + run);
    try (RecordReader<FlowRecord> flows = RecordReader.flows(run)) {
      assertThat(flows.hasNext()).isFalse();
    }
  }
}
