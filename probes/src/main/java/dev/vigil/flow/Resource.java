package dev.vigil.flow;

import java.util.Objects;

/**
 * Something a flow creates, and how to get rid of it: the delete request, the wait until it is
 * gone, and the listing that finds leftovers by name in the cleanup sweep.
 *
 * @param var the variable holding its id (set by the CREATE step)
 * @param kind what it is, e.g. {@code server}, for notes and records
 * @param delete a DELETE step; its path uses {@code #{var}}
 * @param gone a WAIT_GONE step, or null when deletion is done once accepted
 * @param sweep how to find leftovers whose name starts with the run id, or null
 */
public record Resource(String var, String kind, Step delete, Step gone, Sweep sweep) {

  public Resource {
    Objects.requireNonNull(var, "var");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(delete, "delete");
    if (delete.kind() != Step.Kind.DELETE) {
      throw new IllegalArgumentException("resource " + var + ": its delete step must be a DELETE step");
    }
    if (gone != null && gone.kind() != Step.Kind.WAIT_GONE) {
      throw new IllegalArgumentException("resource " + var + ": its gone step must be a WAIT_GONE step");
    }
  }

  /**
   * A listing for the sweep: the items of the JSON array at {@code arrayPointer} (empty pointer:
   * the document itself) whose {@code nameField} starts with the run id are deleted by their {@code
   * idField}.
   */
  public record Sweep(Step list, String arrayPointer, String nameField, String idField) {
    public Sweep {
      if (list.kind() != Step.Kind.LIST) {
        throw new IllegalArgumentException("sweep " + list.name() + ": must be a LIST step");
      }
    }
  }
}
