package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testing.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil compare A B C} over three real windows of the lab, the middle one with a Glance
 * outage: Gatling's statistics it puts side by side must be those Gatling's own report of each run
 * computed from that run's {@code simulation.log}, and each Gatling report is linked.
 */
class CompareIT {

  private static final List<String> RUNS = List.of("A", "B", "C");

  @TempDir Path dir;

  @Test
  void threeRunsSideBySideWithGatlingsOwnFiguresOfEach() throws Exception {
    Path a = window("a", false);
    Path b = window("b", true);
    Path c = window("c", false);

    CommandRun compare = CommandRun.run(Map.of(), dir, "compare", a.toString(), b.toString(), c.toString(), "--out", "trend.html");

    assertThat(compare.exitCode()).as(compare.err() + compare.out()).isZero();
    assertThat(compare.out()).contains("A: ").contains("B: ").contains("C: ").contains("B against A").contains("C against B")
        .contains("Gatling's statistics per request");
    assertThat(compare.out()).as("the outage in B is worse than A").contains("regression: A → B: image: downtime");
    String html = Files.readString(dir.resolve("trend.html"));
    List<Path> runs = List.of(a, b, c);
    for (int i = 0; i < runs.size(); i++) {
      Path report = gatlingReport(runs.get(i));
      assertThat(html).contains("href=\"" + dir.relativize(report.resolve("index.html")) + "\">Gatling report</a>");
      Map<String, List<String>> gatlings = gatlingsOwnTable(report.resolve("index.html"));
      String run = RUNS.get(i);
      Map<String, List<String>> vigils = compareTable(html, run);
      assertThat(vigils.keySet()).as("request names of run " + run).containsExactlyInAnyOrderElementsOf(gatlings.keySet());
      gatlings.forEach((name, own) -> {
        List<String> shown = vigils.get(name);
        // requests, OK, KO, % KO, Cnt/s, min: as Gatling's page shows them
        assertThat(shown.subList(0, 6)).as(name + " in " + run).isEqualTo(own.subList(0, 6));
        // p50, p75, p95, p99: Gatling's t-digest breaks ties at random, so a millisecond either way
        for (int col = 6; col < 10; col++) {
          assertThat(Integer.parseInt(shown.get(col))).as(name + " column " + col + " in " + run)
              .isBetween(Integer.parseInt(own.get(col)) - 1, Integer.parseInt(own.get(col)) + 1);
        }
        // max, mean, standard deviation
        assertThat(shown.subList(10, 13)).as(name + " in " + run).isEqualTo(own.subList(10, 13));
      });
    }
    // the outage shows in Gatling's figures of B only, as KO requests of image
    long koInB = Long.parseLong(compareTable(html, "B").get("All Requests").get(2));
    assertThat(koInB).isPositive();
    assertThat(compareTable(html, "A").get("All Requests").get(2)).isEqualTo("0");
    long failuresInB = new ObjectMapper().readTree(b.resolve("result.json").toFile()).path("services").path("image").path("failures").asLong();
    assertThat(koInB).as("Gatling's KO against the failures Vigil recorded itself").isEqualTo(failuresInB);
  }

  /** A 10 s watch of image and placement at 5/s; with a 2 s Glance outage 4 s in. */
  private Path window(String name, boolean outage) throws Exception {
    Path out = dir.resolve(name);
    VigilProcess watch = VigilProcess.start(dir, "watch", "--cloud", "lab", "--services", "image,placement", "--rate", "5", "--duration", "10s",
        "--out", out.toString());
    if (outage) {
      VigilProcess.awaitWindowStart(out, 60);
      Thread.sleep(4000);
      Lab.Script script = Lab.start("upgrade", "outage", "image", "2");
      assertThat(script.waitFor()).as(String.join("\n", script.lines())).isZero();
    }
    assertThat(watch.waitFor(120)).as(watch.output()).isZero();
    return out;
  }

  private static Path gatlingReport(Path run) throws Exception {
    try (var reports = Files.list(run.resolve("gatling"))) {
      return reports.filter(r -> Files.isRegularFile(r.resolve("index.html"))).findFirst()
          .orElseThrow(() -> new AssertionError("no Gatling report in " + run));
    }
  }

  private static final Pattern GATLING_ROW = Pattern.compile(
      "class=\"ellipsed-name\">([^<]*)</span>.*?((?:<td class=\"value [a-z]+ col-\\d+\">[^<]*</td>\\s*){13})", Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile("<td class=\"[^\"]*\">([^<]*)</td>");

  /** Gatling's statistics table in its index.html: name → total … std dev. */
  private static Map<String, List<String>> gatlingsOwnTable(Path index) throws Exception {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    Matcher m = GATLING_ROW.matcher(Files.readString(index));
    while (m.find()) {
      rows.put(unescape(m.group(1)), cells(m.group(2)));
    }
    assertThat(rows).as("rows of " + index).isNotEmpty();
    return rows;
  }

  /** The rows compare.html gives one run in its Gatling table. */
  private static Map<String, List<String>> compareTable(String html, String run) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    Matcher m = Pattern.compile("<tr data-request=\"([^\"]*)\" data-run=\"" + run + "\">(.*?)</tr>").matcher(html);
    while (m.find()) {
      rows.put(unescape(m.group(1)), cells(m.group(2)));
    }
    return rows;
  }

  private static List<String> cells(String row) {
    Matcher c = CELL.matcher(row);
    List<String> cells = new java.util.ArrayList<>();
    while (c.find()) {
      cells.add(c.group(1).strip());
    }
    return cells;
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }
}
