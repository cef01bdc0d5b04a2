package dev.vigil.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.lifecycle.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The run's volume attached to the run's server (Nova's os-volume_attachments; the volume goes in-use). */
final class AttachmentResource implements Removable {

  private final Api api;
  private final VolumeResource volumes;

  AttachmentResource(Api api, VolumeResource volumes) {
    this.api = api;
    this.volumes = volumes;
  }

  @Override
  public Kind kind() {
    return Kind.VOLUME_ATTACHMENT;
  }

  /** Attaches and waits for in-use; returns the attachment's record and updates the volume's. */
  ResourceRecord create(Ledger ledger, ResourceRecord server, ResourceRecord volume, Duration timeout) {
    ObjectNode root = Rest.JSON.createObjectNode();
    root.putObject("volumeAttachment").put("volumeId", volume.id());
    Reply reply =
        Rest.ok(api.rest().post(Service.COMPUTE, "/servers/" + server.id() + "/os-volume_attachments", root),
            "cannot attach volume " + volume.name() + " to server " + server.name());
    String device = reply.json().path("volumeAttachment").path("device").asText(null);
    ResourceRecord record =
        ledger.put(new ResourceRecord(Kind.VOLUME_ATTACHMENT, volume.name(), volume.id(), reply.requestId(), Api.now(),
            device == null ? Map.of("server_id", server.id(), "volume_id", volume.id())
                : Map.of("server_id", server.id(), "volume_id", volume.id(), "device", device)));
    api.progress("  volume " + volume.name() + " attached to server " + server.name() + " (request " + reply.requestId() + "), waiting for in-use");
    Waits.until(api, "volume " + volume.name(), timeout, () -> volumes.status(volume.id()), "in-use"::equals, Set.of("error", "error_attaching"));
    ledger.put(volume.with(Map.of("status", "in-use", "server_id", server.id())));
    return record;
  }

  Outcome verify(ResourceRecord before) {
    String serverId = before.state("server_id");
    Reply r = api.rest().get(Service.COMPUTE, "/servers/" + serverId + "/os-volume_attachments");
    if (r.notFound()) {
      return Diff.gone(before, "server " + serverId + " is gone");
    }
    JsonNode list = Rest.ok(r, "cannot list the volume attachments of server " + serverId).json().path("volumeAttachments");
    for (JsonNode a : list) {
      if (before.id().equals(a.path("volumeId").asText())) {
        return new Diff(before).same("server_id", a.path("serverId").asText()).same("device", a.path("device").asText(null)).outcome();
      }
    }
    return Diff.gone(before, "server " + serverId + " lists no attachment of volume " + before.id());
  }

  @Override
  public List<Found> find(RunIds.NameFilter filter) {
    return volumes.findAttachments(filter);
  }

  @Override
  public boolean remove(Found target) {
    return volumes.detach(target);
  }
}
