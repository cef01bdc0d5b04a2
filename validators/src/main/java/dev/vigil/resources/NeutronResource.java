package dev.vigil.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import java.util.Map;

/**
 * What networks, subnets and ports share: create through the JDK client (for the request id),
 * tag with the run id (Neutron's tag extension: PUT …/tags), delete through openstack4j, retrying
 * 409 Conflict while a dependant (a server releasing its port) is still going.
 */
abstract class NeutronResource implements Removable {

  protected final Api api;
  private final Kind kind;
  private final String collection;
  private final String member;

  NeutronResource(Api api, Kind kind, String collection, String member) {
    this.api = api;
    this.kind = kind;
    this.collection = collection;
    this.member = member;
  }

  @Override
  public Kind kind() {
    return kind;
  }

  /** POSTs {@code {member: body}}, records the new resource with the given state keys, tags it. */
  protected ResourceRecord create(Ledger ledger, String name, ObjectNode body, Map<String, String> state) {
    body.put("name", name);
    ObjectNode root = Rest.JSON.createObjectNode();
    root.set(member, body);
    Reply reply = api.rest().create(Service.NETWORK, "/" + collection, root, "cannot create " + kind.label() + " " + name,
        "/" + collection + "?name=" + name, collection, member);
    JsonNode created = reply.json().path(member);
    ResourceRecord record =
        ledger.put(new ResourceRecord(kind, name, created.path("id").asText(), reply.requestId(), Api.now(), state));
    api.progress("  " + record.describe() + " created (request " + reply.requestId() + ")");
    tag(record.id(), ledger.runId());
    return record;
  }

  /** Tags are a convenience for operators ({@code openstack network list --tags <run id>}); names are what sweep relies on. */
  private void tag(String id, String runId) {
    ObjectNode tags = Rest.JSON.createObjectNode();
    tags.putArray("tags").add("vigil").add(runId);
    Reply r = api.rest().put(Service.NETWORK, "/" + collection + "/" + id + "/tags", tags);
    if (!r.ok()) {
      api.progress("  (" + kind.label() + " " + id + " not tagged: HTTP " + r.status() + "; the name carries the run id)");
    }
  }

  /** GET of the resource as JSON, or null when it is gone. */
  protected JsonNode current(String id) {
    Reply r = api.rest().get(Service.NETWORK, "/" + collection + "/" + id);
    if (r.notFound()) {
      return null;
    }
    return Rest.ok(r, "cannot read " + kind.label() + " " + id).json().path(member);
  }

  @Override
  public boolean remove(Found target) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      var response = api.os4j().call("delete " + target.describe(), c -> switch (kind) {
        case NETWORK -> c.networking().network().delete(target.id());
        case SUBNET -> c.networking().subnet().delete(target.id());
        case PORT -> c.networking().port().delete(target.id());
        default -> throw new IllegalStateException(kind.toString());
      });
      if (response.isSuccess() || response.getCode() == 404) {
        return response.isSuccess();
      }
      if (response.getCode() != 409 || System.nanoTime() > deadline) {
        throw new VigilException("cannot delete " + target.describe() + ": HTTP " + response.getCode() + " " + response.getFault());
      }
      Rest.sleep(2000);
    }
  }
}
