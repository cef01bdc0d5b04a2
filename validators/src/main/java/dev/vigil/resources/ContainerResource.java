package dev.vigil.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.VigilException;
import dev.vigil.lifecycle.Outcome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Swift container with a few objects of random bytes, each uploaded with its MD5 as ETag (so
 * Swift itself refuses a corrupted upload) and read back after the upgrade, compared by sha256.
 * All on the JDK client: openstack4j's Swift API hides the request id and the response headers,
 * and downloading through it needs its own payload plumbing.
 */
final class ContainerResource implements Removable {

  private final Api api;

  ContainerResource(Api api) {
    this.api = api;
  }

  @Override
  public Kind kind() {
    return Kind.CONTAINER;
  }

  static String objectName(int i) {
    return "object-" + i + ".bin";
  }

  ResourceRecord create(Ledger ledger) {
    String name = Kind.CONTAINER.nameFor(ledger.runId());
    Reply reply =
        Rest.ok(api.rest().put(Service.OBJECT_STORE, path(name), new byte[0], Map.of("X-Container-Meta-Vigil-Run", ledger.runId())),
            "cannot create container " + name);
    ResourceRecord record = ledger.put(new ResourceRecord(Kind.CONTAINER, name, name, reply.requestId(), Api.now(), Map.of()));
    api.progress("  " + record.describe() + " created (request " + reply.requestId() + ")");
    return record;
  }

  ResourceRecord createObject(Ledger ledger, ResourceRecord container, int i, int size) {
    String name = objectName(i);
    byte[] data = Digests.randomBytes(size);
    String md5 = Digests.md5(data);
    Reply reply =
        Rest.ok(api.rest().put(Service.OBJECT_STORE, path(container.name()) + "/" + name, data,
                Map.of("Content-Type", "application/octet-stream", "ETag", md5)),
            "cannot upload object " + name + " to container " + container.name());
    String etag = reply.header("etag");
    if (etag != null && !etag.replace("\"", "").equals(md5)) {
      throw new VigilException("object " + container.name() + "/" + name + ": Swift's ETag " + etag + " is not the MD5 of the bytes sent " + md5);
    }
    ResourceRecord record =
        ledger.put(new ResourceRecord(Kind.OBJECT, name, container.name() + "/" + name, reply.requestId(), Api.now(),
            Map.of("container", container.name(), "sha256", Digests.sha256(data), "etag", md5, "size", String.valueOf(size))));
    api.progress("  object " + record.id() + " uploaded, " + size + " bytes (request " + reply.requestId() + ")");
    return record;
  }

  Outcome verify(ResourceRecord before, int objects) {
    Reply r = api.rest().head(Service.OBJECT_STORE, path(before.name()));
    if (r.notFound()) {
      return Diff.gone(before, "HEAD answered 404");
    }
    Rest.ok(r, "cannot read container " + before.name());
    return new Diff(before)
        .same("object count", String.valueOf(objects), r.header("x-container-object-count"))
        .outcome();
  }

  Outcome verifyObject(ResourceRecord before) {
    Reply r = api.rest().send(Service.OBJECT_STORE, "GET", path(before.state("container")) + "/" + before.name(), null,
        Map.of("Accept", "application/octet-stream"));
    if (r.notFound()) {
      return Diff.gone(before, "GET answered 404");
    }
    Rest.ok(r, "cannot read object " + before.id());
    String etag = r.header("etag");
    return new Diff(before)
        .same("size", String.valueOf(r.body().length))
        .same("etag", etag == null ? null : etag.replace("\"", ""))
        .same("sha256 of the content", before.state("sha256"), Digests.sha256(r.body()))
        .outcome();
  }

  @Override
  public List<Found> find(RunIds.NameFilter filter) {
    List<Found> found = new ArrayList<>();
    for (String name : list("", "vigil-")) {
      if (filter.matches(name)) {
        found.add(new Found(Kind.CONTAINER, name, name, null));
      }
    }
    return found;
  }

  /** Names in the account (container "") or a container, in pages of Swift's default 10 000. */
  private List<String> list(String container, String prefix) {
    List<String> names = new ArrayList<>();
    String marker = "";
    while (true) {
      String p = (container.isEmpty() ? "" : path(container)) + "?format=json&prefix=" + enc(prefix) + "&marker=" + enc(marker);
      Reply r = api.rest().get(Service.OBJECT_STORE, p);
      if (r.notFound()) {
        return names;
      }
      JsonNode page = Rest.ok(r, "cannot list " + (container.isEmpty() ? "containers" : "container " + container)).json();
      if (page.isEmpty()) {
        return names;
      }
      page.forEach(n -> names.add(n.path("name").asText()));
      marker = names.get(names.size() - 1);
    }
  }

  /** Empties the container (every object in it is the run's) and deletes it. */
  @Override
  public boolean remove(Found target) {
    boolean existed = false;
    for (int attempt = 0; ; attempt++) {
      for (String object : list(target.id(), "")) {
        existed = true;
        Reply r = api.rest().delete(Service.OBJECT_STORE, path(target.id()) + "/" + enc(object));
        if (!r.ok() && !r.notFound()) {
          throw new ApiError("cannot delete object " + target.id() + "/" + object, r);
        }
      }
      Reply r = api.rest().delete(Service.OBJECT_STORE, path(target.id()));
      if (r.ok() || r.notFound()) {
        return existed || r.ok();
      }
      // 409: Swift's listing lags behind deletes; list and delete again
      if (r.status() != 409 || attempt >= 5) {
        throw new ApiError("cannot delete " + target.describe(), r);
      }
      Rest.sleep(1000);
    }
  }

  private static String path(String container) {
    return "/" + enc(container);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
