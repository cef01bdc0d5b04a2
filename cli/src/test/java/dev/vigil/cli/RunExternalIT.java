package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vigil run --driver external: the deployer marks the phases with vigil mark, and the run ends with a verdict. */
class RunExternalIT {

  @TempDir Path dir;

  @Test
  void theMarksSetThePhasesAndDoneEndsTheRun() throws Exception {
    Path out = dir.resolve("external");
    VigilProcess run = VigilProcess.start(dir, "run", "--cloud", "lab", "--services", "identity", "--driver", "external", "--out", out.toString());
    run.awaitOutput("vigil mark " + out + " during", 120);
    Thread.sleep(5000);
    for (String mark : List.of("during", "after", "done")) {
      CommandRun m = CommandRun.run(Map.of(), dir, "mark", out.toString(), mark);
      assertThat(m.exitCode()).as(m.err()).isZero();
      assertThat(m.out()).startsWith("mark " + mark + " set at ");
      if (!"done".equals(mark)) {
        Thread.sleep(5000);
      }
    }
    int exit = run.waitFor(120);
    JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
    JsonNode identity = result.path("services").path("identity");
    assertThat(identity.path("verdict").path("rolling").asText()).as(identity.path("verdict_reasons").toString()).isEqualTo("yes");
    assertThat(exit).as(run.output()).isEqualTo(ExitCode.OK);
    assertThat(result.path("phases")).extracting(p -> p.path("name").asText()).containsExactly("before", "during", "after");
    assertThat(identity.path("phases").path("during").path("requests").asLong()).isGreaterThan(50);
    assertThat(Files.readString(out.resolve("events.tsv"))).contains("MARK\t\tduring").contains("MARK\t\tafter").contains("MARK\t\tdone");
  }
}
