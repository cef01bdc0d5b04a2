package dev.vigil.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import dev.vigil.lifecycle.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A private Glance image of random bytes, uploaded and, after the upgrade, downloaded and compared
 * byte for byte (sha256). All on the JDK client: the upload and download are raw bytes, and Glance
 * answers errors as text that openstack4j drops.
 */
final class ImageResource implements Removable {

  private final Api api;

  ImageResource(Api api) {
    this.api = api;
  }

  @Override
  public Kind kind() {
    return Kind.IMAGE;
  }

  ResourceRecord create(Ledger ledger, int size) {
    String name = Kind.IMAGE.nameFor(ledger.runId());
    byte[] data = Digests.randomBytes(size);
    ObjectNode body =
        Rest.JSON.createObjectNode()
            .put("name", name)
            .put("disk_format", "raw")
            .put("container_format", "bare")
            .put("visibility", "private")
            .put("vigil_run", ledger.runId());
    body.putArray("tags").add("vigil").add(ledger.runId());
    Reply reply = api.rest().create(Service.IMAGE, "/images", body, "cannot create image " + name, "/images?name=" + name, "images", null);
    String id = reply.json().path("id").asText();
    ResourceRecord record =
        ledger.put(new ResourceRecord(Kind.IMAGE, name, id, reply.requestId(), Api.now(),
            Map.of("status", "queued", "sha256", Digests.sha256(data), "size", String.valueOf(size))));
    Reply upload =
        Rest.ok(api.rest().put(Service.IMAGE, "/images/" + id + "/file", data, Map.of("Content-Type", "application/octet-stream")),
            "cannot upload the data of image " + name);
    api.progress("  " + record.describe() + " created (request " + reply.requestId() + "), " + size + " bytes uploaded (request "
        + upload.requestId() + ")");
    Waits.until(api, "image " + name, Duration.ofSeconds(60), () -> field(id, "status"), "active"::equals, Set.of("killed", "deleted"));
    JsonNode now = json(id);
    Map<String, String> state = new java.util.HashMap<>(Map.of("status", "active", "upload_request_id", String.valueOf(upload.requestId())));
    state.put("checksum", now.path("checksum").asText(null));
    state.put("os_hash_algo", now.path("os_hash_algo").asText(null));
    state.put("os_hash_value", now.path("os_hash_value").asText(null));
    state.values().removeIf(java.util.Objects::isNull);
    if (now.hasNonNull("checksum") && !now.path("checksum").asText().equals(Digests.md5(data))) {
      throw new VigilException("image " + name + ": Glance's checksum " + now.path("checksum").asText() + " is not the MD5 of the bytes sent ("
          + Digests.md5(data) + "): the upload was corrupted");
    }
    return ledger.put(record.with(state));
  }

  private JsonNode json(String id) {
    Reply r = api.rest().get(Service.IMAGE, "/images/" + id);
    return r.notFound() ? null : Rest.ok(r, "cannot read image " + id).json();
  }

  private String field(String id, String field) {
    JsonNode n = json(id);
    return n == null ? null : n.path(field).asText(null);
  }

  Outcome verify(ResourceRecord before) {
    JsonNode now = json(before.id());
    if (now == null) {
      return Diff.gone(before, "GET answered 404");
    }
    Diff diff =
        new Diff(before)
            .same("name", before.name(), now.path("name").asText())
            .same("status", now.path("status").asText())
            .same("checksum", now.path("checksum").asText(null))
            .same("os_hash_value", now.path("os_hash_value").asText(null));
    Reply data = api.rest().send(Service.IMAGE, "GET", "/images/" + before.id() + "/file", null, Map.of("Accept", "application/octet-stream"));
    if (!data.ok()) {
      diff.change("download answered HTTP " + data.status() + " " + ApiError.reason(data.body()));
    } else {
      diff.same("size", String.valueOf(data.body().length)).same("sha256 of the download", before.state("sha256"), Digests.sha256(data.body()));
    }
    return diff.outcome();
  }

  @Override
  public List<Found> find(RunIds.NameFilter filter) {
    List<Found> found = new ArrayList<>();
    String path = "/images?owner=" + api.projectId() + "&limit=200";
    while (path != null) {
      JsonNode page = api.rest().getOk(Service.IMAGE, path, "cannot list images").json();
      for (JsonNode i : page.path("images")) {
        if (filter.matches(i.path("name").asText(null))) {
          found.add(new Found(Kind.IMAGE, i.path("id").asText(), i.path("name").asText(), "(" + i.path("status").asText() + ")"));
        }
      }
      // Glance's next link starts with /v2, which the base URL already ends with
      String next = page.path("next").asText(null);
      path = next == null ? null : next.replaceFirst("^/v2", "");
    }
    return found;
  }

  @Override
  public boolean remove(Found target) {
    Reply r = api.rest().delete(Service.IMAGE, "/images/" + target.id());
    if (!r.ok() && !r.notFound()) {
      throw new ApiError("cannot delete " + target.describe(), r);
    }
    return r.ok();
  }
}
