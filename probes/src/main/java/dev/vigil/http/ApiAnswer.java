package dev.vigil.http;

import java.net.http.HttpHeaders;

/**
 * What a server answered, with the request id the service logged it under.
 *
 * @param sentAtNanos {@link System#nanoTime()} when the request that got this answer was sent
 * @param tookNanos from sending to the whole body read
 */
public record ApiAnswer(int status, HttpHeaders headers, byte[] body, long sentAtNanos, long tookNanos) {

  public ApiAnswer {
    body = body == null ? new byte[0] : body;
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /**
   * The id the service logged the request under, the evidence an operator greps their logs for:
   * {@code x-openstack-request-id} (every API since oslo.middleware's request_id), else Nova's and
   * Swift's older names. Null when no service saw the request (a load balancer answered alone).
   */
  public String requestId() {
    return requestId(headers);
  }

  /** {@link #requestId()} of any answer's headers. */
  public static String requestId(HttpHeaders headers) {
    for (String h : new String[] {"x-openstack-request-id", "x-compute-request-id", "x-trans-id"}) {
      var v = headers.firstValue(h);
      if (v.isPresent()) {
        return v.get();
      }
    }
    return null;
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }
}
