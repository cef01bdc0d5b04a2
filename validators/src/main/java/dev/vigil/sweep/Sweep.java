package dev.vigil.sweep;

import dev.vigil.VigilException;
import dev.vigil.resources.Api;
import dev.vigil.resources.Found;
import dev.vigil.resources.Ledger;
import dev.vigil.resources.Remover;
import dev.vigil.resources.RunIds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds what earlier Vigil runs left in the user's project (a crash, {@code kill -9}, a clean-up
 * that failed) and removes it in dependency order. What belongs to a run is decided by name
 * (every resource is named with its run id), and optionally by a run folder's
 * persistent-resources.json, which also knows resources whose create answered but whose name a
 * user may have changed since.
 */
public final class Sweep {

  private final Api api;
  private final Remover remover;

  public Sweep(Api api) {
    this.api = api;
    this.remover = new Remover(api);
  }

  /**
   * @param filter the run (or any run) whose names are swept
   * @param fromDirs run folders whose persistent-resources.json lists more to remove
   * @param dryRun only report what would be removed
   */
  public SweepResult run(RunIds.NameFilter filter, List<Path> fromDirs, boolean dryRun, Consumer<String> out) {
    List<RunIds.NameFilter> filters = new ArrayList<>(List.of(filter));
    List<Found> targets = new ArrayList<>();
    for (Path dir : fromDirs) {
      Ledger ledger = Ledger.read(dir);
      if (ledger.projectId() != null && !ledger.projectId().equals(api.projectId())) {
        throw new VigilException(ledger.file() + " lists resources of project " + ledger.projectId() + " (cloud " + ledger.cloud()
            + "), but this cloud authenticates into project " + api.projectId() + ": sweep with --cloud " + ledger.cloud());
      }
      targets.addAll(Remover.fromLedger(ledger));
      filters.add(RunIds.of(ledger.runId()));
    }
    out.accept("sweeping " + filter.describe() + (fromDirs.isEmpty() ? "" : " and the resources listed in " + fromDirs)
        + " in project " + api.projectId() + " of cloud " + api.cloud().name() + (dryRun ? " (dry run: nothing is removed)" : ""));
    List<Found> found = findAll(filters);
    found.forEach(f -> out.accept("found " + f.describe()));
    targets.addAll(found);
    List<Found> ordered = Remover.ordered(targets);
    if (dryRun) {
      return new SweepResult(found, new Remover.Removal(List.of(), List.of()), found, true);
    }
    Remover.Removal removal = remover.remove(ordered, out);
    List<Found> remaining = findAll(filters);
    return new SweepResult(found, removal, remaining, false);
  }

  private List<Found> findAll(List<RunIds.NameFilter> filters) {
    List<Found> all = new ArrayList<>();
    for (RunIds.NameFilter f : filters) {
      all.addAll(remover.find(f));
    }
    return Remover.ordered(all);
  }
}
