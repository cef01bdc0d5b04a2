package dev.vigil.objectstore;

import dev.vigil.flow.FlowOptions;
import dev.vigil.flow.FlowSpec;
import dev.vigil.flow.Poll;
import dev.vigil.flow.Resource;
import dev.vigil.flow.ResponseCheck;
import dev.vigil.flow.Step;
import java.time.Duration;
import java.util.Set;

/**
 * Swift: one container per window (made by prepare, removed by finish), and per flow an object PUT,
 * read back and compared by checksum, deleted, and checked gone.
 */
final class ObjectStoreFlow {

  private ObjectStoreFlow() {}

  static FlowSpec spec(FlowOptions options) {
    return FlowSpec.builder("object-store", "put-object")
        .payload(options.payloadBytes())
        .var("container", "#{run_id}-flow-objects")
        .prepare(Step.setup("create-container", "PUT", "#{container}").expect(201, 202))
        .step(Step.create("put-object", "PUT", "#{container}/#{name}").payload().expect(201).createsNamed("object", "#{name}"))
        .step(Step.call("get-object", "GET", "#{container}/#{object}").expect(200).check(ResponseCheck.payload()).on("object"))
        .resource(new Resource("object", "object",
            Step.delete("delete-object", "#{container}/#{object}").expect(204).on("object").every(Duration.ofMillis(500)).build(),
            Step.waitGone("check-object-gone", "HEAD", "#{container}/#{object}", Poll.of("/status", Set.of(), Set.of())).on("object")
                .every(Duration.ofMillis(500)).build(),
            new Resource.Sweep(Step.list("list-objects-sweep", "#{container}?format=json&prefix=#{run_id}").build(), "", "name", "name")))
        .finish(Step.setup("delete-container", "DELETE", "#{container}").expect(204, 404))
        .build();
  }
}
