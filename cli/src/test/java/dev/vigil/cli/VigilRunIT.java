package dev.vigil.cli;

import dev.vigil.run.Environment;
import dev.vigil.run.Terminal;
import dev.vigil.run.VigilRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.run.CommandDriver;
import dev.vigil.run.Level;
import dev.vigil.run.Stop;
import dev.vigil.run.UpgradeRun;
import dev.vigil.testing.Lab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library example, run in this JVM against the lab: the same run as {@code vigil run}. */
class VigilRunIT {

  @TempDir Path dir;

  @Test
  void theLibraryRunsTheSameUpgradeRunAsTheCommand() throws Exception {
    StringWriter lines = new StringWriter();
    PrintWriter w = new PrintWriter(lines, true);
    Environment lab = new Environment(Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString()), dir, dir.resolve("home"), dir.resolve("etc"));

    UpgradeRun.Finished outcome = VigilRun.builder()
        .environment(lab)
        .terminal(new Terminal(w, w))
        .cloud("lab")
        .services("identity")
        .driver(new CommandDriver(RunIT.labUpgrade("rolling identity"), Duration.ofMinutes(5)))
        .before(Duration.ofSeconds(10)).after(Duration.ofSeconds(10))
        .require(Level.ZERO_DOWNTIME)
        // sized to the lab, as RunIT's rolling restart is (RunIT.LAB_RATE says why)
        .setting("probe.rate_per_service", RunIT.LAB_RATE).setting("probe.max_in_flight", RunIT.LAB_MAX_IN_FLIGHT)
        .out(dir.resolve("keystone-rolling"))
        .build()
        .run(new Stop());

    // CI shows the start of a failure's message only: the verdict's reasons first
    assertThat(outcome.passed()).as("identity %s, reasons %s\n%s", outcome.result().verdicts().get("identity").verdict(),
        outcome.result().verdicts().get("identity").reasons(), lines).isTrue();
    assertThat(outcome.result().verdicts().get("identity").verdict().zeroDowntime()).isEqualTo(dev.vigil.result.ServiceVerdict.Answer.YES);
    assertThat(outcome.resultFile()).isEqualTo(dir.resolve("keystone-rolling").resolve("result.json"));
    assertThat(dir.resolve("keystone-rolling").resolve("report.html")).isRegularFile();
    assertThat(Files.readString(dir.resolve("keystone-rolling").resolve("events.tsv"))).contains("PHASE\t\tduring");
    assertThat(lines.toString()).contains("vigil: phase during: driver command upgrades");
  }
}
