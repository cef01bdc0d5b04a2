package dev.vigil.version;

import java.util.ArrayList;
import java.util.List;

/**
 * The releases a piece of evidence allows. Evidence often repeats across releases (Placement has
 * announced 1.39 since Yoga), so a reading is a set, not one release; {@code older} and
 * {@code newer} stand for releases outside Vigil's table (before Zed, after 2026.1).
 *
 * @param releases the table's releases allowed, in release order
 */
public record Candidates(List<Release> releases, boolean older, boolean newer) {

  public Candidates {
    releases = releases.stream().distinct().sorted().toList();
  }

  public static Candidates of(Release... releases) {
    return new Candidates(List.of(releases), false, false);
  }

  /** Every release, older and newer ones too: evidence that says nothing about the release. */
  public static Candidates any() {
    return new Candidates(Release.ALL, true, true);
  }

  public boolean isEmpty() {
    return releases.isEmpty() && !older && !newer;
  }

  /** Exactly one release of the table. */
  public boolean isSingle() {
    return releases.size() == 1 && !older && !newer;
  }

  public boolean contains(Release r) {
    return releases.contains(r);
  }

  /** What both pieces of evidence allow: how readings of several services combine. */
  public Candidates intersect(Candidates other) {
    return new Candidates(releases.stream().filter(other.releases::contains).toList(), older && other.older, newer && other.newer);
  }

  /** Position of the earliest candidate: -1 for older than the table. */
  int earliest() {
    return older ? -1 : releases.isEmpty() ? Release.ALL.size() : releases.get(0).order();
  }

  /** Position of the latest candidate: the table's size for newer than the table. */
  int latest() {
    return newer ? Release.ALL.size() : releases.isEmpty() ? -1 : releases.get(releases.size() - 1).order();
  }

  /**
   * {@code zed}, {@code one of zed, 2023.1, 2023.2}, {@code one of zed … 2024.1} (four or more in a
   * row), {@code older than zed}, {@code any release}.
   */
  public String describe() {
    if (isEmpty()) {
      return "no release of the table";
    }
    if (isSingle()) {
      return releases.get(0).id();
    }
    if (older && newer && releases.size() == Release.ALL.size()) {
      return "any release";
    }
    List<String> parts = new ArrayList<>();
    if (older) {
      parts.add("older than " + Release.first());
    }
    boolean contiguous = !releases.isEmpty()
        && releases.get(releases.size() - 1).order() - releases.get(0).order() == releases.size() - 1;
    boolean range = contiguous && releases.size() >= 4;
    if (range) {
      parts.add(releases.get(0).id() + " … " + releases.get(releases.size() - 1).id());
    } else {
      releases.forEach(r -> parts.add(r.id()));
    }
    if (newer) {
      parts.add("newer than " + Release.last());
    }
    return parts.size() == 1 && !range ? parts.get(0) : "one of " + String.join(", ", parts);
  }

  @Override
  public String toString() {
    return describe();
  }
}
