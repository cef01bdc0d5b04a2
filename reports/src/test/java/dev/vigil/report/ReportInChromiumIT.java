package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a real run's report.html in headless Chromium (Debian's {@code chromium}, installed by
 * {@code bin/prerequisites}): the page must render with no console message at all (the page has no
 * script, so any message is a fault, e.g. a resource it tried to fetch), show the verdict in the
 * rendered DOM, and draw the outage in red on the screenshot. The screenshot is kept in
 * {@code target/report-screenshot.png} for a human to look at.
 */
class ReportInChromiumIT {

  @TempDir Path dir;

  /** What Chromium printed: the page (or nothing) on stdout, its log on stderr. */
  private record Run(int exit, String out, String err) {

    /** Chromium logs what a page writes to its console as {@code INFO:CONSOLE(line)] "text", source: …}. */
    List<String> console() {
      return err.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }
  }

  private Run chromium(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
        "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0"));
    command.addAll(List.of(args));
    Path out = dir.resolve("chromium.out");
    Path err = dir.resolve("chromium.err");
    Process p;
    try {
      p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    } catch (IOException e) {
      throw new AssertionError("chromium cannot start (" + e.getMessage() + "): run bin/prerequisites, which installs Debian's chromium", e);
    }
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s: " + Files.readString(err));
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private Path report() {
    return Report.write(Fixtures.copy("naive-identity", dir));
  }

  @Test
  void theReportRendersWithoutConsoleMessagesAndShowsTheVerdict() throws Exception {
    Run run = chromium("--dump-dom", report().toUri().toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.console()).as("console messages").isEmpty();
    assertThat(run.out())
        .contains("PASSED: every service meets rolling")
        .contains("<td class=\"verdict no\" data-verdict=\"zero_downtime\">NO</td>")
        .contains("<rect class=\"outage\"")
        .contains("zero_downtime: NOT met: 6.98 s of API outage during the upgrade");
  }

  @Test
  void theScreenshotShowsThePageWithTheOutageInRed() throws Exception {
    Path png = dir.resolve("report.png");
    Run run = chromium("--hide-scrollbars", "--force-color-profile=srgb", "--window-size=1100,1400", "--screenshot=" + png,
        report().toUri().toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.console()).as("console messages").isEmpty();
    Files.copy(png, Path.of("target/report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1100);
    assertThat(image.getHeight()).isEqualTo(1400);
    Set<Integer> colours = new HashSet<>();
    long outageRed = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        if (rgb == 0xD62728) {
          outageRed++;
        }
      }
    }
    // Text, tables and charts: a blank or broken page has a handful of colours.
    assertThat(colours.size()).isGreaterThan(200);
    // The 7.00 s outage of the 47.1 s window is about 120 px × 16 px in the timeline.
    assertThat(outageRed).isBetween(1_000L, 4_000L);
  }

  @Test
  void theConsoleCheckSeesAScriptError() throws Exception {
    Path page = dir.resolve("broken.html");
    Files.writeString(page, "<!DOCTYPE html><html><body><p>x</p><script>notDefined();</script></body></html>");
    Run run = chromium("--dump-dom", page.toUri().toString());
    assertThat(run.console()).anyMatch(l -> l.contains("Uncaught ReferenceError: notDefined is not defined"));
  }
}
