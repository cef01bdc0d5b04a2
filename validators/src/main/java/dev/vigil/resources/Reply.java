package dev.vigil.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.VigilException;
import java.io.IOException;
import java.net.http.HttpHeaders;

/** An API answer: status, headers and body, and the request id the service gave it. */
public record Reply(String method, String url, int status, HttpHeaders headers, byte[] body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  public boolean notFound() {
    return status == 404;
  }

  /**
   * The id the service logged the request under, the evidence an operator greps their logs for:
   * {@code x-openstack-request-id} (every API since oslo.middleware's request_id), else Nova's and
   * Swift's older names.
   */
  public String requestId() {
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

  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new VigilException(method + " " + url + " answered HTTP " + status + " with a body that is not JSON: is the catalog's endpoint right?");
    }
  }
}
