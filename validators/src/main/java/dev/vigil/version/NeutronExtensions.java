package dev.vigil.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.identity.Token;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Neutron's extension aliases (GET /v2.0/extensions, which needs a token; a member may read it).
 * Recorded as evidence: Neutron's version document says v2.0 in every release.
 */
public final class NeutronExtensions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Duration timeout;

  public NeutronExtensions(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /** The aliases, or null when they could not be read (the reading then says so in its evidence). */
  public List<String> aliases(String endpointUrl, Token token) {
    String base = endpointUrl.replaceAll("/+$", "");
    String url = base + (base.endsWith("/v2.0") ? "" : "/v2.0") + "/extensions";
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json")
                  .header("X-Auth-Token", token.id().reveal()).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return null;
      }
      List<String> aliases = new ArrayList<>();
      for (JsonNode e : JSON.readTree(response.body()).path("extensions")) {
        aliases.add(e.path("alias").asText());
      }
      return aliases;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
