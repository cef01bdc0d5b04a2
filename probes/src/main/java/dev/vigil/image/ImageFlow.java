package dev.vigil.image;

import dev.vigil.flow.FlowOptions;
import dev.vigil.flow.FlowSpec;
import dev.vigil.flow.Poll;
import dev.vigil.flow.Resource;
import dev.vigil.flow.ResponseCheck;
import dev.vigil.flow.Step;
import java.util.Set;

/**
 * Glance: a private image record, a few KB uploaded, active, downloaded and compared byte for byte,
 * deleted. Raw format, so no format inspection stands between upload and active.
 */
final class ImageFlow {

  private ImageFlow() {}

  static FlowSpec spec(FlowOptions options) {
    return FlowSpec.builder("image", "upload-image")
        .payload(options.payloadBytes())
        .step(Step.create("create-image", "POST", "v2/images")
            .json("{\"name\": \"#{name}\", \"disk_format\": \"raw\", \"container_format\": \"bare\", \"visibility\": \"private\"}")
            .expect(201)
            .creates("image", "/id"))
        .step(Step.call("upload-image", "PUT", "v2/images/#{image}/file").payload().expect(204).on("image"))
        .step(Step.waitFor("wait-image-active", "v2/images/#{image}", Poll.of("/status", Set.of("active"), Set.of("killed", "deleted", "deactivated")))
            .on("image").every(java.time.Duration.ofMillis(500)))
        .step(Step.call("download-image", "GET", "v2/images/#{image}/file").expect(200).check(ResponseCheck.payload()).on("image"))
        .step(Step.call("show-image", "GET", "v2/images/#{image}").expect(200).check(ResponseCheck.jsonEquals("/name", "#{name}")).on("image"))
        .resource(new Resource("image", "image",
            Step.delete("delete-image", "v2/images/#{image}").expect(204).on("image").build(),
            Step.waitGone("wait-image-gone", "GET", "v2/images/#{image}", Poll.of("/status", Set.of(), Set.of())).on("image")
                .every(java.time.Duration.ofMillis(500)).build(),
            new Resource.Sweep(Step.list("list-images-sweep", "v2/images?visibility=private&limit=1000").build(), "/images", "name", "id")))
        .build();
  }
}
