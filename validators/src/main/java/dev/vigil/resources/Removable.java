package dev.vigil.resources;

import java.util.List;

/** A kind of resource that can be found by name in the user's project and removed. */
interface Removable {

  Kind kind();

  /** The resources of this kind in the token's project whose names the filter selects. */
  List<Found> find(RunIds.NameFilter filter);

  /**
   * Removes it and waits until it is gone. Throws a one-line {@link dev.vigil.VigilException}
   * naming the resource and why when it stays.
   *
   * @return false when it was gone already (nothing to do is success too)
   */
  boolean remove(Found target);
}
