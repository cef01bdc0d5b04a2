package dev.vigil.report;

import dev.vigil.build.VigilBuild;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.FlowRecord;
import dev.vigil.result.RunResult;
import dev.vigil.result.ServiceVerdict;
import dev.vigil.result.WindowResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows about one run folder, read by {@link RunFolderReader}. A {@code vigil
 * watch} folder has no {@code run}, no verdicts and no validators.
 *
 * @param computed true when the folder had no {@code result.json} and the figures were computed
 *     from its records (a window that crashed before writing it)
 * @param run how the upgrade run went; null for a watch window
 * @param verdicts per service; empty for a watch window
 * @param upgradeCommand the command driver's command, from {@code run.json}; null otherwise
 * @param madeBy the Vigil that made the folder, from {@code run.json} or {@code plan.json}; null
 *     for folders older than that record
 * @param steps driver steps, marks and notes from {@code events.tsv}, in time order, at most
 *     {@link RunFolderReader#MAX_STEPS}
 * @param stepsLeftOut how many more there were
 * @param flows per service and flow name, what became of the accepted creates
 * @param troubledFlows the flows that failed or were lost, at most {@link RunFolderReader#MAX_TROUBLED_FLOWS}
 * @param latency latency over time per service
 * @param checks the validators' outcome files ({@code <check>.json}), in the order they ran
 * @param gatlingReport Gatling's {@code index.html}, relative to the folder; null if none
 * @param balancer the load balancer's server states (BALANCER events), in time order, at most
 *     {@link RunFolderReader#MAX_BALANCER}
 */
public record RunData(
    Path dir,
    WindowResult window,
    boolean computed,
    RunResult.RunSummary run,
    Map<String, ServiceVerdict> verdicts,
    String upgradeCommand,
    VigilBuild madeBy,
    List<EventRecord> steps,
    long stepsLeftOut,
    Map<String, Map<String, FlowCount>> flows,
    List<FlowRecord> troubledFlows,
    LatencySeries latency,
    List<CheckFile> checks,
    String gatlingReport,
    List<EventRecord> balancer) {

  public RunData {
    verdicts = Map.copyOf(verdicts);
    steps = List.copyOf(steps);
    flows = Map.copyOf(flows);
    troubledFlows = List.copyOf(troubledFlows);
    checks = List.copyOf(checks);
    balancer = List.copyOf(balancer);
  }

  /** Whether an upgrade run judged this window ({@code vigil run}), rather than a plain {@code vigil watch}. */
  public boolean judged() {
    return run != null;
  }

  /** What became of one kind of flow of one service. */
  public record FlowCount(long honoured, long failed, long lost) {

    FlowCount plus(FlowRecord f) {
      return switch (f.outcome()) {
        case HONOURED -> new FlowCount(honoured + 1, failed, lost);
        case FAILED -> new FlowCount(honoured, failed + 1, lost);
        case LOST -> new FlowCount(honoured, failed, lost + 1);
      };
    }
  }

  /**
   * One validator's {@code <check>.json}.
   *
   * @param passed the file's own verdict: no outcome failed
   */
  public record CheckFile(String name, boolean passed, List<Outcome> outcomes) {

    public CheckFile {
      outcomes = List.copyOf(outcomes);
    }
  }
}
