package dev.vigil.discovery;

/**
 * One API version from a service's version document.
 *
 * @param id as the service names it: v3.14, v2.1, v1.0, 2.30.1 (Swift's release)
 * @param status CURRENT, SUPPORTED, DEPRECATED, stable…
 * @param minVersion lowest microversion, or null when the API has none
 * @param maxVersion highest microversion, or null when the API has none
 */
public record ApiVersion(String id, String status, String minVersion, String maxVersion) {

  public String describe() {
    String range = maxVersion == null ? "" : " (" + (minVersion == null ? "" : minVersion + "–") + maxVersion + ")";
    return id + range + (status == null ? "" : " " + status);
  }
}
