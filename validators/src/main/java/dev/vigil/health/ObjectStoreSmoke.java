package dev.vigil.health;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Swift: create a container, PUT an object, GET it back byte for byte, delete both. */
final class ObjectStoreSmoke implements ServiceSmoke {

  private final Leftovers leftovers = new Leftovers();

  @Override
  public String service() {
    return "object-store";
  }

  @Override
  public List<Step> run(HealthApi api, String endpoint, String prefix) {
    Flow flow = new Flow();
    String container = HealthApi.url(endpoint, prefix);
    String object = container + "/smoke.txt";
    byte[] data = ("vigil health smoke " + prefix + "\n").getBytes(StandardCharsets.UTF_8);
    if (!flow.step("create-container", "PUT", container, api.send("PUT", container), Set.of(201, 202))) {
      return flow.steps();
    }
    leftovers.created(container);
    Reply put = api.send("PUT", object, dev.vigil.probe.ProbeRequest.TokenUse.AUTH, "text/plain", data);
    if (!flow.step("put-object", "PUT", object, put, Set.of(201))) {
      return flow.steps();
    }
    leftovers.created(object);
    Reply get = api.send("GET", object);
    if (!flow.step("get-object", "GET", object, get, Set.of(200))
        || !flow.check("object-bytes-match", Arrays.equals(get.body(), data),
            "read back " + get.body().length + " bytes, wrote " + data.length + (Arrays.equals(get.body(), data) ? ", equal" : ", DIFFERENT"))) {
      return flow.steps();
    }
    if (flow.step("delete-object", "DELETE", object, api.send("DELETE", object), Set.of(204))) {
      leftovers.deleted(object);
      if (flow.step("delete-container", "DELETE", container, api.send("DELETE", container), Set.of(204))) {
        leftovers.deleted(container);
      }
    }
    return flow.steps();
  }

  @Override
  public void cleanUp(HealthApi api) {
    leftovers.deleteAll(api);
  }
}
