package dev.vigil.discovery;

import java.util.List;
import java.util.Optional;

/**
 * What a service's unauthenticated version document says, or why it could not be read.
 *
 * @param url the document's URL
 * @param httpStatus 0 when nothing answered
 * @param versions the versions listed, empty on error
 * @param error null when the document was read
 */
public record VersionDocument(String url, int httpStatus, List<ApiVersion> versions, String error) {

  public VersionDocument {
    versions = List.copyOf(versions);
  }

  public boolean ok() {
    return error == null;
  }

  /** The CURRENT version, or the last listed when none says so. */
  public Optional<ApiVersion> current() {
    return versions.stream()
        .filter(v -> "CURRENT".equalsIgnoreCase(v.status()) || "stable".equalsIgnoreCase(v.status()))
        .reduce((a, b) -> b)
        .or(() -> versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1)));
  }

  public String describe() {
    if (!ok()) {
      return "unreadable: " + error;
    }
    return current().map(ApiVersion::describe).orElse("no versions listed");
  }
}
