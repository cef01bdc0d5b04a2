package dev.vigil.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.VigilException;
import java.util.ArrayList;
import java.util.List;

/** Resolves the flavor and the boot image the user named, before anything is created. */
final class Lookups {

  private Lookups() {}

  static String flavorId(Api api, String nameOrId) {
    JsonNode flavors = api.rest().getOk(Service.COMPUTE, "/flavors", "cannot list flavors").json().path("flavors");
    List<String> names = new ArrayList<>();
    for (JsonNode f : flavors) {
      if (nameOrId.equals(f.path("id").asText()) || nameOrId.equals(f.path("name").asText())) {
        return f.path("id").asText();
      }
      names.add(f.path("name").asText());
    }
    throw new VigilException("flavor " + nameOrId + " is not among the flavors cloud " + api.cloud().name() + " offers " + names
        + ": pass one with --flavor");
  }

  static String imageId(Api api, String nameOrId) {
    Reply byId = api.rest().get(Service.IMAGE, "/images/" + nameOrId);
    if (byId.ok()) {
      return requireActive(byId.json(), nameOrId);
    }
    JsonNode images =
        api.rest().getOk(Service.IMAGE, "/images?name=" + java.net.URLEncoder.encode(nameOrId, java.nio.charset.StandardCharsets.UTF_8),
            "cannot list images").json().path("images");
    for (JsonNode i : images) {
      if ("active".equals(i.path("status").asText())) {
        return i.path("id").asText();
      }
    }
    throw new VigilException("no active image named " + nameOrId + " is visible to cloud " + api.cloud().name()
        + ": pass a bootable image with --image (openstack image list)");
  }

  private static String requireActive(JsonNode image, String nameOrId) {
    if (!"active".equals(image.path("status").asText())) {
      throw new VigilException("image " + nameOrId + " is " + image.path("status").asText() + ", not active: pass another with --image");
    }
    return image.path("id").asText();
  }
}
