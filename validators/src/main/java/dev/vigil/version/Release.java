package dev.vigil.version;

import dev.vigil.VigilException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An OpenStack release Vigil can recognise, in release order.
 *
 * @param id how Vigil names it: {@code zed}, then the year-based ids the TC introduced with 2023.1
 * @param codename the series name, e.g. {@code antelope}; also accepted on the command line
 * @param order position in {@link #ALL}
 */
public record Release(String id, String codename, int order) implements Comparable<Release> {

  /** Zed through 2026.1, as in openstack/releases data/series_status.yaml. */
  public static final List<Release> ALL =
      List.of(
          new Release("zed", "zed", 0),
          new Release("2023.1", "antelope", 1),
          new Release("2023.2", "bobcat", 2),
          new Release("2024.1", "caracal", 3),
          new Release("2024.2", "dalmatian", 4),
          new Release("2025.1", "epoxy", 5),
          new Release("2025.2", "flamingo", 6),
          new Release("2026.1", "gazpacho", 7));

  public static Release first() {
    return ALL.get(0);
  }

  public static Release last() {
    return ALL.get(ALL.size() - 1);
  }

  /** A release by its id or codename, any case; an unknown name is a one-line error listing the valid ones. */
  public static Release parse(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (Release r : ALL) {
      if (r.id.equals(n) || r.codename.equals(n) || (r.id.equals("zed") && n.equals("2022.2"))) {
        return r;
      }
    }
    throw new VigilException("unknown release \"" + name + "\": use one of " + names());
  }

  public static String names() {
    return ALL.stream().map(Release::label).collect(Collectors.joining(", "));
  }

  /** {@code zed}, {@code 2023.1 (antelope)}. */
  public String label() {
    return id.equals(codename) ? id : id + " (" + codename + ")";
  }

  @Override
  public int compareTo(Release other) {
    return Integer.compare(order, other.order);
  }

  @Override
  public String toString() {
    return id;
  }
}
