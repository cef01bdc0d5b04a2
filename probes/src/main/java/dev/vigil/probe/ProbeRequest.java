package dev.vigil.probe;

import java.util.Set;

/**
 * A cheap, read-only request that a non-admin user may send to tell whether a service answers.
 *
 * @param name stable short name used in records and reports (bounded: never holds ids)
 * @param method HTTP method
 * @param path relative to the service's catalog endpoint; empty for the endpoint itself
 * @param token whether and how the request carries the user's token
 * @param expected the statuses that mean "the service answered as it should"
 */
public record ProbeRequest(String name, String method, String path, TokenUse token, Set<Integer> expected) {

  public ProbeRequest {
    expected = Set.copyOf(expected);
  }

  public static ProbeRequest get(String name, String path) {
    return new ProbeRequest(name, "GET", path, TokenUse.AUTH, Set.of(200));
  }

  /** How a probe uses the token. */
  public enum TokenUse {
    /** An unauthenticated request (version documents). */
    NONE,
    /** X-Auth-Token: the usual authenticated request. */
    AUTH,
    /** X-Auth-Token and X-Subject-Token: Keystone validates the caller's own token. */
    AUTH_AND_SUBJECT
  }
}
