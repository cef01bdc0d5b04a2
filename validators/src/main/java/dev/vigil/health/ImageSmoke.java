package dev.vigil.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Glance: create a private image record, upload a few bytes, download them back byte for byte,
 * delete it. Exercises the API, its database and the image store.
 */
final class ImageSmoke implements ServiceSmoke {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Leftovers leftovers = new Leftovers();

  @Override
  public String service() {
    return "image";
  }

  @Override
  public List<Step> run(HealthApi api, String endpoint, String prefix) {
    Flow flow = new Flow();
    String images = HealthApi.url(endpoint, "v2/images");
    Reply created = api.sendJson("POST", images,
        "{\"name\": \"" + prefix + "\", \"disk_format\": \"raw\", \"container_format\": \"bare\", \"visibility\": \"private\"}");
    if (!flow.step("create-image", "POST", images, created, Set.of(201))) {
      return flow.steps();
    }
    String id = id(created.body());
    if (!flow.check("image-id", id != null, id == null ? "no image id in the answer" : "image " + id)) {
      return flow.steps();
    }
    String image = images + "/" + id;
    leftovers.created(image);
    byte[] data = ("vigil health smoke " + prefix + "\n").getBytes(StandardCharsets.UTF_8);
    Reply upload = api.send("PUT", image + "/file", dev.vigil.probe.ProbeRequest.TokenUse.AUTH, "application/octet-stream", data);
    if (flow.step("upload-image-data", "PUT", image + "/file", upload, Set.of(204))) {
      Reply download = api.send("GET", image + "/file");
      if (flow.step("download-image-data", "GET", image + "/file", download, Set.of(200))) {
        boolean same = Arrays.equals(download.body(), data);
        flow.check("image-bytes-match", same, "read back " + download.body().length + " bytes, wrote " + data.length + (same ? ", equal" : ", DIFFERENT"));
      }
    }
    if (flow.step("delete-image", "DELETE", image, api.send("DELETE", image), Set.of(204))) {
      leftovers.deleted(image);
    }
    return flow.steps();
  }

  private static String id(byte[] body) {
    try {
      String v = JSON.readTree(body).path("id").asText(null);
      return v == null || v.isEmpty() ? null : v;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void cleanUp(HealthApi api) {
    leftovers.deleteAll(api);
  }
}
