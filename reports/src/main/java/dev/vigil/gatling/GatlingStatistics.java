package dev.vigil.gatling;

import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Gatling's global statistics of one run, computed from the run's {@code simulation.log} the way
 * Gatling's report computes them (see {@link StatisticsBuffer}), so that runs whose report was never
 * written (a window ended by Ctrl-C under Maven) can be compared too.
 *
 * @param report the folder of the Gatling report ({@code gatling/SIMULATION-TIMESTAMP} of the run
 *     folder); its {@code index.html} may be missing
 * @param partial the log ended inside a record: the figures are of what was written
 * @param requests one row per request name, in the order Gatling first logged them
 */
public record GatlingStatistics(Path report, String gatlingVersion, String simulation, boolean partial, RequestStatistics all,
    List<RequestStatistics> requests) {

  public GatlingStatistics {
    requests = List.copyOf(requests);
  }

  /** Gatling's report page, when Gatling wrote one. */
  public Optional<Path> index() {
    Path index = report.resolve("index.html");
    return Files.isRegularFile(index) ? Optional.of(index) : Optional.empty();
  }

  /**
   * The statistics of a run folder's Gatling run, the newest when a folder holds several; empty
   * when it holds no {@code simulation.log} (a run folder written by an older Vigil, or a window
   * that never started Gatling).
   */
  public static Optional<GatlingStatistics> ofRunFolder(Path runFolder) {
    Path gatling = runFolder.resolve("gatling");
    if (!Files.isDirectory(gatling)) {
      return Optional.empty();
    }
    try (Stream<Path> reports = Files.list(gatling)) {
      // Gatling names each report SIMULATION-yyyyMMddHHmmssSSS: the newest sorts last.
      return reports.filter(r -> Files.isRegularFile(r.resolve("simulation.log")))
          .max(Comparator.comparing(r -> r.getFileName().toString()))
          .map(GatlingStatistics::of);
    } catch (IOException e) {
      throw new VigilException("cannot list " + gatling + ": " + e.getMessage());
    }
  }

  /** The statistics of one Gatling report folder's {@code simulation.log}. */
  public static GatlingStatistics of(Path report) {
    Map<String, StatisticsBuffer> byName = new LinkedHashMap<>();
    StatisticsBuffer all = new StatisticsBuffer();
    SimulationLog.Summary log = SimulationLog.read(report.resolve("simulation.log"), r -> {
      byName.computeIfAbsent(name(r), n -> new StatisticsBuffer()).add(r.responseTime(), r.ok());
      all.add(r.responseTime(), r.ok());
    });
    // as Gatling's ResultsHolder: whole seconds from the first injection to the last event
    long seconds = log.injectStart() == Long.MAX_VALUE ? 0 : (long) Math.ceil((log.injectEnd() - log.injectStart()) / 1000.0);
    List<RequestStatistics> rows = new ArrayList<>();
    byName.forEach((name, buffer) -> rows.add(buffer.statistics(name, seconds)));
    return new GatlingStatistics(report, log.header().gatlingVersion(), log.header().simulation(), log.partial(),
        all.statistics(RequestStatistics.ALL, seconds), rows);
  }

  private static String name(SimulationLog.Request r) {
    return r.groups().isEmpty() ? r.name() : String.join(" / ", r.groups()) + " / " + r.name();
  }
}
