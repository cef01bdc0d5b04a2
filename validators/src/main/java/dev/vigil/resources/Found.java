package dev.vigil.resources;

/**
 * A resource that exists in the cloud (or is listed in a ledger) and is to be removed.
 *
 * @param id the cloud's id ({@code container} for Swift)
 * @param detail what else matters for removal or the user: the server a volume is attached to
 */
public record Found(Kind kind, String id, String name, String detail) {

  public String describe() {
    return kind.label() + " " + (name == null ? "(unnamed)" : name) + (id == null || id.equals(name) ? "" : " (id " + id + ")")
        + (detail == null ? "" : " " + detail);
  }

  /** Same resource, whoever found it (a listing or a ledger). */
  boolean same(Found other) {
    return kind == other.kind && id != null && id.equals(other.id);
  }
}
