package dev.vigil.version;

import dev.vigil.discovery.ApiVersion;
import dev.vigil.discovery.VersionDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns a service's version document into a {@link ReleaseReading}, with the table's help. */
public final class ReleaseMapping {

  private ReleaseMapping() {}

  /**
   * @param neutronExtensions aliases from GET /v2.0/extensions, or null when not read (evidence only)
   */
  public static ReleaseReading read(String service, VersionDocument doc, List<String> neutronExtensions) {
    List<String> evidence = new ArrayList<>();
    evidence.add("GET " + doc.url() + " → " + (doc.ok() ? "HTTP " + doc.httpStatus() + ": " + listed(doc) : doc.error()));
    if (!doc.ok()) {
      return ReleaseReading.unreadable(service, doc.error() + " at " + doc.url(), evidence);
    }
    if ("network".equals(service)) {
      return network(doc, neutronExtensions, evidence);
    }
    Optional<Marker> marker = ReleaseTable.marker(service);
    if (marker.isEmpty()) {
      return new ReleaseReading(service, null, Candidates.any(), "Vigil has no release table for " + service, evidence, null);
    }
    Optional<String> value = value(service, doc);
    if (value.isEmpty()) {
      return ReleaseReading.unreadable(service, "its version document at " + doc.url() + " lists no " + marker.get().what(), evidence);
    }
    Candidates candidates = marker.get().candidates(value.get());
    evidence.add("table: " + marker.get().source());
    return new ReleaseReading(service, value.get(), candidates, basis(marker.get(), value.get(), candidates), evidence, null);
  }

  /** The value a service's marker compares, from its document. */
  static Optional<String> value(String service, VersionDocument doc) {
    List<ApiVersion> versions = doc.versions();
    return switch (service) {
      // Swift: its release number, compared as major.minor (2.30.1 → 2.30; patch releases stay in the series)
      case "object-store" -> versions.stream().map(ApiVersion::id).filter(DottedVersion::isDotted).findFirst()
          .map(v -> DottedVersion.prefix(v, 2));
      // Glance lists one entry per image API version; the highest is what the release offers
      case "image", "identity" -> versions.stream().map(ApiVersion::id).filter(DottedVersion::isDotted)
          .map(DottedVersion::strip).max(DottedVersion.ORDER);
      // Nova and Cinder also list older APIs (v2.0) without microversions: take the highest maximum
      default -> versions.stream().map(ApiVersion::maxVersion).filter(DottedVersion::isDotted)
          .max(DottedVersion.ORDER);
    };
  }

  private static String basis(Marker marker, String value, Candidates candidates) {
    String head = marker.what() + " " + value;
    boolean announced = Release.ALL.stream().anyMatch(r -> marker.values(r).contains(value))
        || marker.olderValues().contains(value) || marker.newerValues().contains(value);
    if (!announced && candidates.releases().size() == 2) {
      return head + ", no release's own value: between " + candidates.releases().get(0).id() + " and "
          + candidates.releases().get(1).id() + " (a development build or a backport?)";
    }
    return head;
  }

  private static ReleaseReading network(VersionDocument doc, List<String> extensions, List<String> evidence) {
    if (extensions != null) {
      evidence.add("GET /v2.0/extensions: " + extensions.size() + " extensions: " + String.join(",", extensions.stream().sorted().toList()));
    }
    String api = doc.versions().stream().map(ApiVersion::id).collect(Collectors.joining(","));
    evidence.add("table: Neutron announces v2.0 in every release; no extension markers per release are researched"
        + " (the extensions a cloud lists depend on the plugins it enables)");
    return new ReleaseReading("network", api, Candidates.any(), "network API " + api + ", the same in every release", evidence, null);
  }

  private static String listed(VersionDocument doc) {
    return doc.versions().stream()
        .map(ApiVersion::describe)
        .collect(Collectors.joining(", "));
  }
}
