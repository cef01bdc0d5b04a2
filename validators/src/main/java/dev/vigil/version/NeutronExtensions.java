package dev.vigil.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.identity.Token;
import dev.vigil.http.ApiAnswer;
import dev.vigil.http.ApiClient;
import dev.vigil.http.ApiRequest;
import dev.vigil.http.ApiUnreachable;
import java.io.IOException;
import java.net.http.HttpClient;
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
      ApiAnswer response = new ApiClient(http, () -> token.id().reveal(), timeout).send(ApiRequest.get(url));
      if (response.status() != 200) {
        return null;
      }
      List<String> aliases = new ArrayList<>();
      for (JsonNode e : JSON.readTree(response.body()).path("extensions")) {
        aliases.add(e.path("alias").asText());
      }
      return aliases;
    } catch (IOException | ApiUnreachable e) {
      return null;
    }
  }
}
