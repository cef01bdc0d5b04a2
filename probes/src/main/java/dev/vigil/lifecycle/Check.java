package dev.vigil.lifecycle;

import java.nio.file.Path;
import java.util.List;

/**
 * The one lifecycle of every observer and validator, in the order a run calls it:
 * prepare → start (once per phase) → collect → evaluate → write → clean up.
 *
 * <p>Error semantics, as in OpenShift origin's monitor tests: a {@link dev.vigil.VigilException}
 * from {@link #prepare} means the check cannot run at all, and the run stops before touching the
 * cloud; from any later step it does not stop the run: it becomes a failed {@link Outcome} of that
 * check, and {@link #cleanUp} is still called. {@link #cleanUp} must be idempotent: it runs after a
 * failure, after Ctrl-C, and again from a sweep.
 */
public interface Check {

  /** Stable, kebab-case, unique: {@code release-version}, {@code persistent-resources}, {@code api-uptime}. */
  String name();

  /** Validates input and resolves what the check needs (endpoints, quotas); touches nothing. */
  default void prepare(RunContext run) {}

  /**
   * Acts for a phase: a validator measures or creates what it checks at {@link Phase#BEFORE} and
   * verifies at {@link Phase#AFTER}; an observer starts observing at {@link Phase#BEFORE} and marks
   * the phases it sees.
   */
  default void start(Phase phase) {}

  /** Stops observing and gathers what was measured. */
  default void collect() {}

  /** Judges what was gathered. Each outcome becomes one JUnit test case with a fixed name. */
  List<Outcome> evaluate();

  /** Writes the check's own artifacts into the run folder. */
  default void write(Path runDir) {}

  /** Removes whatever the check created in the cloud. Idempotent. */
  default void cleanUp() {}
}
