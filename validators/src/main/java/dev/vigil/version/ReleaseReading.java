package dev.vigil.version;

import java.util.List;

/**
 * What one service's evidence says about the release it runs.
 *
 * @param service the service type
 * @param value the compared value (2.93, 2.30.1, v2.0, an installed 2:26.2.2-1~deb12u5), or null when unreadable
 * @param candidates the releases the value allows; null when the evidence could not be read
 * @param basis one line: what was compared and what it means
 * @param evidence what was read, one item a line (URLs, versions listed, commands run)
 * @param error why the evidence could not be read, or null
 * @param source which evidence it is: {@link #API} or {@link #INSTALLED}
 */
public record ReleaseReading(
    String service, String value, Candidates candidates, String basis, List<String> evidence, String error, String source) {

  /** The service's unauthenticated version document (its API). */
  public static final String API = "version document";

  /** The version of its code installed where it runs (host access). */
  public static final String INSTALLED = "installed version";

  public ReleaseReading {
    evidence = List.copyOf(evidence);
  }

  public ReleaseReading(String service, String value, Candidates candidates, String basis, List<String> evidence, String error) {
    this(service, value, candidates, basis, evidence, error, API);
  }

  public static ReleaseReading unreadable(String service, String error, List<String> evidence) {
    return new ReleaseReading(service, null, null, "version document unreadable: " + error, evidence, error);
  }

  public boolean readable() {
    return error == null;
  }

  public boolean installed() {
    return INSTALLED.equals(source);
  }
}
