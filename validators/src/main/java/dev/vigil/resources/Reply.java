package dev.vigil.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.VigilException;
import dev.vigil.http.ApiAnswer;
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

  /** The id the service logged the request under ({@link ApiAnswer#requestId}). */
  public String requestId() {
    return ApiAnswer.requestId(headers);
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
