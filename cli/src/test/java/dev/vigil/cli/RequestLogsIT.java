package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #20 part 5's done-when: a naive Glance restart under {@code vigil run --service-logs} with
 * the lab's log folder, and next to an outage of image the log line of a request that failed in it.
 */
class RequestLogsIT {

  /** Where lab/up writes each service's log (lab/README.md, Paths). */
  private static final String LAB_LOGS = "/var/log/vigil-lab";

  @TempDir Path dir;

  @Test
  void aNaiveGlanceRestartShowsTheLogLineOfAFailedRequestNextToItsOutage() throws Exception {
    Path out = dir.resolve("naive");
    VigilProcess run = VigilProcess.start(dir, "run", "--cloud", "lab", "--services", "image", "--driver", "command",
        "--upgrade-cmd", RunIT.labUpgrade("naive image"), "--before", "10s", "--after", "10s", "--require", "zero-downtime", "--service-logs", LAB_LOGS,
        "--out", out.toString());
    int exit = run.waitFor(180);
    assertThat(exit).as(run.output()).isEqualTo(ExitCode.FAILED);
    JsonNode outages = new ObjectMapper().readTree(out.resolve("result.json").toFile()).path("services").path("image").path("outages");
    assertThat(outages.size()).as(outages.toString()).isGreaterThanOrEqualTo(1);

    List<String> failedIds = failedImageIds(out);
    List<String> logged = new ArrayList<>();
    for (JsonNode o : outages) {
      JsonNode why = o.path("why");
      assertThat(why.isObject()).as("every outage says why: %s", o).isTrue();
      assertThat(why.path("failed_requests").asLong()).as(o.toString()).isPositive();
      assertThat(why.path("without_request_id").asLong()).isLessThanOrEqualTo(why.path("failed_requests").asLong());
      for (JsonNode r : why.path("requests")) {
        String id = r.path("request_id").asText();
        assertThat(failedIds).as("a request of the outage is a failed one of records.tsv").contains(id);
        assertThat(r.path("found").isBoolean()).as("searched, since the lab's folder was given: %s", r).isTrue();
        for (JsonNode line : r.path("lines")) {
          assertThat(line.asText()).startsWith("image-").contains(id);
          logged.add(line.asText());
        }
      }
      // the failures HAProxy answered itself (no server during the restart) carry no id: its own log says why
      for (JsonNode line : why.path("balancer_lines")) {
        assertThat(line.asText()).containsPattern("^50[234] [A-Za-z-]{4}: .* \\| .* image-fe image/");
        logged.add(line.asText());
      }
      if (why.path("without_request_id").asLong() > 0) {
        assertThat(why.path("balancer_lines").size()).as("the load balancer's lines for failures without an id: %s", why).isPositive();
      }
    }
    assertThat(logged).as("a log line of a failed request next to an outage of image: %s", outages).isNotEmpty();
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("<tr class=\"why\">").containsPattern(" log line|The load balancer's log for this outage");
  }

  private static List<String> failedImageIds(Path out) throws Exception {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("records.tsv"))) {
      String[] f = line.split("\t", -1);
      if (f.length == 11 && "image".equals(f[2]) && "0".equals(f[9]) && !f[10].isEmpty()) {
        ids.add(f[10]);
      }
    }
    return ids;
  }
}
