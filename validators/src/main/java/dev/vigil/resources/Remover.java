package dev.vigil.resources;

import dev.vigil.VigilException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a run's resources (by name, or from a ledger) and removes them in dependency order. Used by
 * the check's clean-up and by {@code vigil sweep}; removal is idempotent and tolerates resources
 * that are already gone, so it may run any number of times.
 */
public final class Remover {

  private final Map<Kind, Removable> kinds = new LinkedHashMap<>();

  public Remover(Api api) {
    VolumeResource volumes = new VolumeResource(api);
    for (Removable r :
        List.of(new AttachmentResource(api, volumes), new ServerResource(api), volumes, new PortResource(api), new SubnetResource(api),
            new NetworkResource(api), new ImageResource(api), new ContainerResource(api))) {
      kinds.put(r.kind(), r);
    }
  }

  /** Everything in the project whose name the filter selects, in removal order. */
  public List<Found> find(RunIds.NameFilter filter) {
    List<Found> found = new ArrayList<>();
    kinds.values().forEach(k -> found.addAll(k.find(filter)));
    return ordered(found);
  }

  /**
   * The resources a ledger lists, as removal targets. Objects are left out: they go with their
   * container, which is emptied whatever it holds.
   */
  public static List<Found> fromLedger(Ledger ledger) {
    List<Found> targets = new ArrayList<>();
    for (ResourceRecord r : ledger.resources()) {
      if (r.kind() != Kind.OBJECT && r.id() != null && !r.id().isEmpty()) {
        targets.add(new Found(r.kind(), r.id(), r.name(), null));
      }
    }
    return ordered(targets);
  }

  /** Dependency order (attachments, servers, volumes, ports, subnets, networks, images, containers), duplicates dropped. */
  public static List<Found> ordered(List<Found> targets) {
    List<Found> unique = new ArrayList<>();
    for (Found f : targets) {
      if (unique.stream().noneMatch(u -> u.same(f))) {
        unique.add(f);
      }
    }
    unique.sort(Comparator.comparingInt(f -> Kind.REMOVAL_ORDER.indexOf(f.kind())));
    return unique;
  }

  /** Removes each target in order; one that cannot be removed is reported and the rest still go. */
  public Removal remove(List<Found> targets, java.util.function.Consumer<String> report) {
    List<Found> removed = new ArrayList<>();
    List<Failure> failed = new ArrayList<>();
    for (Found f : ordered(targets)) {
      Removable kind = kinds.get(f.kind());
      if (kind == null) {
        continue;
      }
      try {
        if (kind.remove(f)) {
          removed.add(f);
          report.accept((f.kind() == Kind.VOLUME_ATTACHMENT ? "detached " : "removed ") + f.describe());
        }
      } catch (VigilException e) {
        failed.add(new Failure(f, e.getMessage()));
        report.accept("could not remove " + f.describe() + ": " + e.getMessage());
      }
    }
    return new Removal(removed, failed);
  }

  public record Failure(Found target, String reason) {}

  public record Removal(List<Found> removed, List<Failure> failed) {
    public Removal {
      removed = List.copyOf(removed);
      failed = List.copyOf(failed);
    }
  }
}
