package dev.vigil.resources;

import dev.vigil.VigilException;
import dev.vigil.identity.NonAdminGuard;
import dev.vigil.identity.Token;
import dev.vigil.lifecycle.Check;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.Phase;
import dev.vigil.lifecycle.RunContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Requirement 4 and 8: resources created before the upgrade must still exist afterwards, in the
 * same state, with the same data. {@code start(BEFORE)} creates them as the non-admin user, named
 * with the run id, and records each in persistent-resources.json the moment it exists;
 * {@code start(AFTER)} verifies them; {@link #cleanUp} removes them and checks nothing named with
 * the run id is left.
 *
 * <p>The phases may run in different processes (vigil validate resources --phase …): everything
 * {@code after} and clean-up need is in the run folder's persistent-resources.json.
 */
public final class PersistentResources implements Check {

  public static final String NAME = "persistent-resources";

  private final ResourcePlan plan;
  private final List<Outcome> outcomes = new ArrayList<>();
  private RunContext run;
  private Api api;
  private Ledger ledger;
  private String lastPhase;

  public PersistentResources(ResourcePlan plan) {
    this.plan = plan;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void prepare(RunContext run) {
    this.run = run;
    Token token = run.identity().token();
    NonAdminGuard.requireNonAdmin(token, run.cloud().name());
    api = Api.open(run.cloud(), () -> run.identity().token(), plan.patience(), run.progress());
    for (Service s : Service.values()) {
      api.rest().base(s);
    }
    if (Ledger.exists(run.runDir())) {
      ledger = Ledger.read(run.runDir());
      if (!ledger.runId().equals(run.runId())) {
        throw new VigilException(ledger.file() + " belongs to run " + ledger.runId() + ", not " + run.runId() + ": use that run's folder");
      }
      if (ledger.projectId() != null && !ledger.projectId().equals(token.projectId())) {
        throw new VigilException(ledger.file() + " lists resources of project " + ledger.projectId() + " (cloud " + ledger.cloud()
            + "), but cloud " + run.cloud().name() + " authenticates into project " + token.projectId() + " (" + token.projectName()
            + "): use cloud " + ledger.cloud());
      }
    }
  }

  /** The ledger of this run (null before {@code start(BEFORE)} in a fresh folder). */
  public Ledger ledger() {
    return ledger;
  }

  @Override
  public void start(Phase phase) {
    switch (phase) {
      case BEFORE -> before();
      case AFTER -> after();
      case DURING -> {
        // nothing to do while the upgrade runs: the resources just sit there
      }
    }
  }

  private void before() {
    lastPhase = "before";
    if (ledger != null) {
      throw new VigilException(ledger.file() + " already lists resources of run " + ledger.runId()
          + ": run --phase before into a new folder (or --phase cleanup in this one)");
    }
    Token token = run.identity().token();
    ledger = Ledger.create(run.runDir(), run.runId(), run.cloud().name(), token.projectId(), token.projectName(), token.userName());
    try {
      new Creation(api, ledger, plan).run();
    } catch (VigilException e) {
      String cleanup = cleanUpAfterFailure();
      outcomes.add(Outcome.failed(NAME, "resources created", null, e.getMessage() + "; " + cleanup, List.of()));
      ledger.finish(lastPhase, outcomes);
      throw new VigilException(e.getMessage() + "; " + cleanup, e);
    }
    for (ResourceRecord r : ledger.resources()) {
      outcomes.add(Outcome.passed(NAME, created(r), r.kind().service().type(), r.describe() + " created",
          r.requestId() == null ? List.of() : List.of("request " + r.requestId())));
    }
  }

  private static String created(ResourceRecord r) {
    return (r.kind() == Kind.OBJECT ? "object " + r.name() : r.kind().label()) + " created";
  }

  /** Removes what a failed {@code before} created, and says so in one clause. */
  private String cleanUpAfterFailure() {
    try {
      Outcome removal = removeAll();
      outcomes.add(removal);
      return removal.failed() ? removal.message() : "removed what was created so far: " + removal.message();
    } catch (VigilException e) {
      return "clean-up failed too (" + e.getMessage() + "): run vigil sweep --run-id " + ledger.runId();
    }
  }

  private void after() {
    lastPhase = "after";
    if (ledger == null) {
      throw new VigilException("no " + Ledger.FILE + " in " + run.runDir() + ": run --phase before with this --out folder first");
    }
    run.progress().accept("verifying the " + ledger.resources().size() + " resources of run " + ledger.runId());
    outcomes.addAll(new Verification(api, ledger).run());
  }

  @Override
  public List<Outcome> evaluate() {
    return List.copyOf(outcomes);
  }

  @Override
  public void write(Path runDir) {
    if (ledger != null) {
      ledger.finish(lastPhase, outcomes);
    }
  }

  /**
   * Removes every recorded resource, then anything else named with the run id (a create whose
   * answer was lost), then lists again: the outcome names whatever is left.
   */
  @Override
  public void cleanUp() {
    if (api == null) {
      return; // prepare failed: nothing was created
    }
    lastPhase = "cleanup";
    outcomes.add(removeAll());
    if (ledger != null) {
      ledger.finish(lastPhase, outcomes);
    }
  }

  private Outcome removeAll() {
    String runId = ledger != null ? ledger.runId() : run.runId();
    RunIds.NameFilter filter = RunIds.of(runId);
    Remover remover = new Remover(api);
    List<Found> targets = new ArrayList<>(ledger == null ? List.of() : Remover.fromLedger(ledger));
    targets.addAll(remover.find(filter));
    run.progress().accept("removing " + Remover.ordered(targets).size() + " resources of run " + runId);
    Remover.Removal removal = remover.remove(targets, line -> run.progress().accept("  " + line));
    List<Found> left = remover.find(filter);
    List<String> evidence = new ArrayList<>();
    removal.removed().forEach(f -> evidence.add("removed " + f.describe()));
    removal.failed().forEach(f -> evidence.add("failed " + f.target().describe() + ": " + f.reason()));
    if (left.isEmpty()) {
      return Outcome.passed(NAME, "resources removed", null,
          removal.removed().size() + " resources removed; nothing named " + runId + "* is left", evidence);
    }
    return Outcome.failed(NAME, "resources removed", null,
        left.size() + " resources of run " + runId + " are left: " + String.join(", ", left.stream().map(Found::describe).toList())
            + (removal.failed().isEmpty() ? "" : " (first error: " + removal.failed().get(0).reason() + ")")
            + "; run vigil sweep --run-id " + runId + " again",
        evidence);
  }
}
