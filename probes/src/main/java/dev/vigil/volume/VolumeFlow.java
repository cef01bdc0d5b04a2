package dev.vigil.volume;

import dev.vigil.flow.FlowSpec;
import dev.vigil.flow.Poll;
import dev.vigil.flow.Resource;
import dev.vigil.flow.ResponseCheck;
import dev.vigil.flow.Step;
import java.util.Set;

/** Cinder: a 1 GB volume created, available, read back, deleted, gone. */
final class VolumeFlow {

  private VolumeFlow() {}

  static FlowSpec spec() {
    return FlowSpec.builder("block-storage", "create-volume")
        .step(Step.create("create-volume", "POST", "volumes").json("{\"volume\": {\"size\": 1, \"name\": \"#{name}\"}}").expect(202)
            .creates("volume", "/volume/id"))
        .step(Step.waitFor("wait-volume-available", "volumes/#{volume}", Poll.of("/volume/status", Set.of("available"), Set.of("error")))
            .on("volume"))
        .step(Step.call("show-volume", "GET", "volumes/#{volume}").expect(200).check(ResponseCheck.jsonEquals("/volume/name", "#{name}"))
            .on("volume"))
        .resource(new Resource("volume", "volume",
            // Cinder refuses (400) to delete a volume that is still creating: wait that out too.
            Step.delete("delete-volume", "volumes/#{volume}").expect(202, 204).retryOn(400, 409).on("volume").build(),
            Step.waitGone("wait-volume-gone", "GET", "volumes/#{volume}", Poll.of("/volume/status", Set.of(), Set.of("error_deleting")))
                .on("volume").build(),
            new Resource.Sweep(Step.list("list-volumes-sweep", "volumes?limit=1000").build(), "/volumes", "name", "id")))
        .build();
  }
}
