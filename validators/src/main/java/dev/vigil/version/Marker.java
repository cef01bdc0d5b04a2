package dev.vigil.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one service's version document says per release, and the releases a reading allows.
 *
 * @param service the service type
 * @param what the value compared, e.g. "max microversion"
 * @param perRelease the values each release of the table announces (Glance's depends on its
 *     configuration, hence several)
 * @param olderValues values that releases before the table announce too (Yoga's)
 * @param newerValues values that releases after the table announce too (master's)
 * @param source where the numbers come from
 */
public record Marker(
    String service,
    String what,
    Map<Release, Set<String>> perRelease,
    Set<String> olderValues,
    Set<String> newerValues,
    String source) {

  /** The releases that announce {@code value}; a value between two releases' allows both neighbours. */
  public Candidates candidates(String value) {
    List<Release> matching = new ArrayList<>();
    for (Release r : Release.ALL) {
      if (values(r).stream().anyMatch(v -> DottedVersion.compare(v, value) == 0)) {
        matching.add(r);
      }
    }
    boolean older = olderValues.stream().anyMatch(v -> DottedVersion.compare(v, value) == 0);
    boolean newer = newerValues.stream().anyMatch(v -> DottedVersion.compare(v, value) == 0);
    if (!matching.isEmpty() || older || newer) {
      return new Candidates(matching, older, newer);
    }
    if (DottedVersion.compare(value, min(Release.first())) < 0) {
      return new Candidates(List.of(), true, false);
    }
    if (DottedVersion.compare(value, max(Release.last())) > 0) {
      return new Candidates(List.of(), false, true);
    }
    // Not any release's value (a development snapshot, or a backport): the releases around it.
    Release below = Release.first();
    Release above = Release.last();
    for (Release r : Release.ALL) {
      if (DottedVersion.compare(max(r), value) < 0) {
        below = r;
      }
    }
    for (int i = Release.ALL.size() - 1; i >= 0; i--) {
      Release r = Release.ALL.get(i);
      if (DottedVersion.compare(min(r), value) > 0) {
        above = r;
      }
    }
    return new Candidates(List.of(below, above), false, false);
  }

  public Set<String> values(Release r) {
    return perRelease.getOrDefault(r, Set.of());
  }

  private String min(Release r) {
    return values(r).stream().min(DottedVersion.ORDER).orElse("0");
  }

  private String max(Release r) {
    return values(r).stream().max(DottedVersion.ORDER).orElse("0");
  }
}
