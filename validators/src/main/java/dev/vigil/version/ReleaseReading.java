package dev.vigil.version;

import java.util.List;

/**
 * What one service's documents say about the release it runs.
 *
 * @param service the service type
 * @param value the compared value (2.93, 2.30.1, v2.0), or null when unreadable
 * @param candidates the releases the value allows; null when the document could not be read
 * @param basis one line: what was compared and what it means
 * @param evidence what was read, one item a line (URLs, versions listed)
 * @param error why the document could not be read, or null
 */
public record ReleaseReading(
    String service, String value, Candidates candidates, String basis, List<String> evidence, String error) {

  public ReleaseReading {
    evidence = List.copyOf(evidence);
  }

  public static ReleaseReading unreadable(String service, String error, List<String> evidence) {
    return new ReleaseReading(service, null, null, "version document unreadable: " + error, evidence, error);
  }

  public boolean readable() {
    return error == null;
  }
}
