package dev.vigil.resources;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What Vigil knows of one resource it created: written to persistent-resources.json the moment the
 * create call returns, and again when its state settles.
 *
 * @param id the cloud's id ({@code container/object} for Swift objects, the volume id for an attachment)
 * @param requestId the x-openstack-request-id of the create call, to find it in the service's logs
 * @param state what {@code after} compares: status, links to other resources, sizes and checksums
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceRecord(Kind kind, String name, String id, String requestId, String createdAt, Map<String, String> state) {

  public ResourceRecord {
    state = state == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(state));
  }

  public String state(String key) {
    return state.get(key);
  }

  /** The same record with more state (later values win). */
  public ResourceRecord with(Map<String, String> more) {
    Map<String, String> merged = new java.util.TreeMap<>(state);
    merged.putAll(more);
    return new ResourceRecord(kind, name, id, requestId, createdAt, merged);
  }

  /** How messages name it: {@code server vigil-…-server (id 3f2a…)}. */
  public String describe() {
    return kind.label() + " " + name + (id == null || id.equals(name) ? "" : " (id " + id + ")");
  }
}
