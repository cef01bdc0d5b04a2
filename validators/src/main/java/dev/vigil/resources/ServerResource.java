package dev.vigil.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import dev.vigil.lifecycle.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openstack4j.model.compute.Server;

/**
 * The run's server, booted on the run's port. Created through the JDK client (request id), waited
 * for and removed through openstack4j, whose {@code servers().get} returning null on 404 is exactly
 * "gone" here.
 */
final class ServerResource implements Removable {

  private final Api api;

  ServerResource(Api api) {
    this.api = api;
  }

  @Override
  public Kind kind() {
    return Kind.SERVER;
  }

  ResourceRecord create(Ledger ledger, String flavorId, String imageId, ResourceRecord port, Duration timeout) {
    String name = Kind.SERVER.nameFor(ledger.runId());
    ObjectNode server = Rest.JSON.createObjectNode().put("name", name).put("flavorRef", flavorId).put("imageRef", imageId);
    server.putArray("networks").addObject().put("port", port.id());
    server.putObject("metadata").put("vigil_run", ledger.runId());
    ObjectNode root = Rest.JSON.createObjectNode();
    root.set("server", server);
    Reply reply = api.rest().create(Service.COMPUTE, "/servers", root, "cannot create server " + name, "/servers?name=" + Names.exactRegex(name),
        "servers", "server");
    String id = reply.json().path("server").path("id").asText();
    ResourceRecord record =
        ledger.put(new ResourceRecord(Kind.SERVER, name, id, reply.requestId(), Api.now(),
            Map.of("status", "BUILD", "flavor_id", flavorId, "image_id", imageId, "port_id", port.id())));
    api.progress("  " + record.describe() + " created (request " + reply.requestId() + "), waiting for ACTIVE");
    try {
      Waits.until(api, "server " + name, timeout, () -> status(id), "ACTIVE"::equals, Set.of("ERROR"));
    } catch (VigilException e) {
      throw new VigilException(e.getMessage() + fault(id));
    }
    return ledger.put(record.with(Map.of("status", "ACTIVE")));
  }

  /** Nova's reason for an ERROR server, as "(fault: …)". */
  private String fault(String id) {
    Reply r = api.rest().get(Service.COMPUTE, "/servers/" + id);
    if (!r.ok()) {
      return "";
    }
    JsonNode f = r.json().path("server").path("fault");
    return f.isMissingNode() ? "" : " (fault: " + f.path("message").asText() + ")";
  }

  String status(String id) {
    Server s = api.os4j().call("read server " + id, c -> c.compute().servers().get(id));
    return s == null ? null : s.getStatus().name();
  }

  Outcome verify(ResourceRecord before, String runId) {
    Server now = api.os4j().call("read " + before.describe(), c -> c.compute().servers().get(before.id()));
    if (now == null) {
      return Diff.gone(before, "GET answered 404");
    }
    return new Diff(before)
        .same("name", before.name(), now.getName())
        .same("status", now.getStatus().name())
        .same("image_id", now.getImageId())
        .same("metadata vigil_run", runId, now.getMetadata() == null ? null : now.getMetadata().get("vigil_run"))
        .outcome();
  }

  @Override
  public List<Found> find(RunIds.NameFilter filter) {
    // Nova's name filter is a regular expression; the exact match is ours.
    return api.os4j().call("list servers", c -> c.compute().servers().list(Map.of("name", "^vigil-"))).stream()
        .filter(s -> filter.matches(s.getName()))
        .map(s -> new Found(Kind.SERVER, s.getId(), s.getName(), "(" + s.getStatus() + ")"))
        .toList();
  }

  @Override
  public boolean remove(Found target) {
    boolean existed = api.os4j().delete("delete " + target.describe(), c -> c.compute().servers().delete(target.id()));
    Waits.until(api, "deleting " + target.describe(), Duration.ofSeconds(180), () -> status(target.id()), s -> s == null || s.equals("DELETED"),
        Set.of("ERROR"));
    return existed;
  }
}
