package dev.vigil.sweep;

import dev.vigil.resources.Found;
import dev.vigil.resources.Remover;
import java.util.List;

/**
 * What a sweep found, removed, and what is still there afterwards (a dry run removes nothing, so
 * everything found remains).
 */
public record SweepResult(List<Found> found, Remover.Removal removal, List<Found> remaining, boolean dryRun) {

  public SweepResult {
    found = List.copyOf(found);
    remaining = List.copyOf(remaining);
  }

  /** Nothing selected is left in the cloud. */
  public boolean clean() {
    return remaining.isEmpty();
  }

  /** The last line a user reads. */
  public String summary() {
    if (dryRun) {
      return found.isEmpty() ? "nothing to remove" : found.size() + " resources would be removed (dry run)";
    }
    if (remaining.isEmpty()) {
      return found.isEmpty() && removal.removed().isEmpty()
          ? "nothing to remove: no leftovers"
          : "removed " + removal.removed().size() + " resources; nothing is left";
    }
    return remaining.size() + " resources could not be removed: "
        + String.join(", ", remaining.stream().map(Found::describe).toList())
        + (removal.failed().isEmpty() ? "" : " (" + removal.failed().get(0).reason() + ")")
        + "; run vigil sweep again, or remove them with the openstack CLI";
  }
}
