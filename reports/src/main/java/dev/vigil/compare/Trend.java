package dev.vigil.compare;

import dev.vigil.gatling.GatlingStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * Two or more runs in release order (e.g. the same upgrade on releases N-1, N and N+1): each run
 * compared with the one before it, and Gatling's own statistics of every run side by side.
 *
 * @param steps run i+1 against run i, one per neighbouring pair
 * @param gatling one entry per run, in the same order
 */
public record Trend(List<Comparison.Run> runs, List<Comparison> steps, List<GatlingSide> gatling) {

  public Trend {
    runs = List.copyOf(runs);
    steps = List.copyOf(steps);
    gatling = List.copyOf(gatling);
  }

  /**
   * @param statistics null when the run folder holds no {@code simulation.log}
   * @param problem why it could not be read, or null
   */
  public record GatlingSide(GatlingStatistics statistics, String problem) {}

  /** A, B, C … as the runs are called in the text and the page. */
  public static String label(int index) {
    return index < 26 ? String.valueOf((char) ('A' + index)) : "R" + (index + 1);
  }

  /** Every regression, each step's prefixed with its pair when there is more than one step. */
  public List<String> regressions() {
    if (steps.size() == 1) {
      return Regressions.of(steps.get(0));
    }
    List<String> all = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      String pair = label(i) + " → " + label(i + 1) + ": ";
      Regressions.of(steps.get(i), label(i + 1)).forEach(r -> all.add(pair + r));
    }
    return all;
  }
}
