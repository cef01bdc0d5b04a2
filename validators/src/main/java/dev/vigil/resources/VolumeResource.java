package dev.vigil.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import dev.vigil.lifecycle.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openstack4j.model.storage.block.Volume;
import org.openstack4j.model.storage.block.VolumeAttachment;

/**
 * The run's volume: created through the JDK client (request id), listed, detached and deleted
 * through openstack4j. Its status is read through the JDK client: openstack4j's status enum lacks
 * Cinder's newer states (an attaching volume is {@code reserved}) and shows them as UNRECOGNIZED.
 */
final class VolumeResource implements Removable {

  private static final Set<String> STUCK = Set.of("error", "error_deleting", "error_restoring", "error_extending");

  private final Api api;

  VolumeResource(Api api) {
    this.api = api;
  }

  @Override
  public Kind kind() {
    return Kind.VOLUME;
  }

  ResourceRecord create(Ledger ledger, int sizeGb, Duration timeout) {
    String name = Kind.VOLUME.nameFor(ledger.runId());
    ObjectNode volume = Rest.JSON.createObjectNode().put("name", name).put("size", sizeGb);
    volume.putObject("metadata").put("vigil_run", ledger.runId());
    ObjectNode root = Rest.JSON.createObjectNode();
    root.set("volume", volume);
    Reply reply = api.rest().create(Service.VOLUME, "/volumes", root, "cannot create volume " + name + " of " + sizeGb + " GB",
        "/volumes?name=" + name, "volumes", "volume");
    String id = reply.json().path("volume").path("id").asText();
    ResourceRecord record =
        ledger.put(new ResourceRecord(Kind.VOLUME, name, id, reply.requestId(), Api.now(), Map.of("status", "creating", "size_gb", String.valueOf(sizeGb))));
    api.progress("  " + record.describe() + " created (request " + reply.requestId() + "), waiting for available");
    Waits.until(api, "volume " + name, timeout, () -> status(id), "available"::equals, STUCK);
    return ledger.put(record.with(Map.of("status", "available")));
  }

  /** Cinder's status (available, in-use, reserved, …), or null when gone. */
  String status(String id) {
    Reply r = api.rest().get(Service.VOLUME, "/volumes/" + id);
    return r.notFound() ? null : Rest.ok(r, "cannot read volume " + id).json().path("volume").path("status").asText();
  }

  Volume get(String id) {
    return api.os4j().call("read volume " + id, c -> c.blockStorage().volumes().get(id));
  }

  Outcome verify(ResourceRecord before) {
    Volume now = get(before.id());
    if (now == null) {
      return Diff.gone(before, "GET answered 404");
    }
    String attachedTo = now.getAttachments() == null || now.getAttachments().isEmpty() ? "" : now.getAttachments().get(0).getServerId();
    return new Diff(before)
        .same("name", before.name(), now.getName())
        .same("status", status(before.id()))
        .same("size_gb", String.valueOf(now.getSize()))
        .same("attached to server", before.state("server_id"), attachedTo)
        .outcome();
  }

  @Override
  public List<Found> find(RunIds.NameFilter filter) {
    return api.os4j().call("list volumes", c -> c.blockStorage().volumes().list()).stream()
        .filter(v -> filter.matches(v.getName()))
        .map(v -> new Found(Kind.VOLUME, v.getId(), v.getName(), "(" + v.getStatus() + ")"))
        .toList();
  }

  /** Attachments of the selected volumes, so that sweep detaches before it deletes servers and volumes. */
  List<Found> findAttachments(RunIds.NameFilter filter) {
    return api.os4j().call("list volumes", c -> c.blockStorage().volumes().list()).stream()
        .filter(v -> filter.matches(v.getName()) && v.getAttachments() != null)
        .flatMap(v -> v.getAttachments().stream().map(a -> attachment(v, a)))
        .toList();
  }

  private static Found attachment(Volume v, VolumeAttachment a) {
    return new Found(Kind.VOLUME_ATTACHMENT, v.getId(), v.getName(), "(on server " + a.getServerId() + ")");
  }

  @Override
  public boolean remove(Found target) {
    if (status(target.id()) == null) {
      return false;
    }
    String s = status(target.id());
    if (s != null && !s.equals("available") && !STUCK.contains(s)) {
      // in-use after a failed detach, or still attaching/detaching: it must settle before Cinder deletes it
      Waits.until(api, "volume " + target.name() + " before delete", Duration.ofSeconds(120), () -> status(target.id()),
          st -> st == null || st.equals("available") || STUCK.contains(st), Set.of());
    }
    api.os4j().delete("delete " + target.describe(), c -> c.blockStorage().volumes().delete(target.id()));
    Waits.until(api, "deleting " + target.describe(), Duration.ofSeconds(120), () -> status(target.id()), st -> st == null,
        Set.of("error_deleting"));
    return true;
  }

  /** Detaches a volume from every server it is attached to, and waits until it is available. */
  boolean detach(Found attachment) {
    Volume v = get(attachment.id());
    if (v == null || v.getAttachments() == null || v.getAttachments().isEmpty()) {
      return false;
    }
    for (VolumeAttachment a : v.getAttachments()) {
      var r = api.os4j().call("detach " + attachment.describe(), c -> c.compute().servers().detachVolume(a.getServerId(), v.getId()));
      if (!r.isSuccess() && r.getCode() != 404) {
        throw new VigilException("cannot detach volume " + v.getName() + " from server " + a.getServerId() + ": HTTP " + r.getCode() + " " + r.getFault());
      }
    }
    Waits.until(api, "detaching volume " + v.getName(), Duration.ofSeconds(120), () -> status(v.getId()),
        st -> st == null || st.equals("available"), Set.of("error", "error_detaching"));
    return true;
  }
}
