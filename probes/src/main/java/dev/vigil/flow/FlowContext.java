package dev.vigil.flow;

import dev.vigil.recording.Traffic;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Where and how flows run.
 *
 * @param endpoints the catalog endpoint of a service type (e.g. {@code image} →
 *     {@code http://.../image}); throws for a service the catalog lacks
 * @param grace how long a waiting, deleting or gone-waiting step may take before the resource
 *     counts as lost (flows.grace)
 * @param traffic how their requests are recorded: FLOW, or LOAD when they are part of --load
 * @param listener receives requests, flow outcomes and notes
 * @param clock epoch milliseconds; tests pass their own
 */
public record FlowContext(Function<String, String> endpoints, Duration grace, Traffic traffic, FlowListener listener, LongSupplier clock) {

  public FlowContext {
    Objects.requireNonNull(endpoints, "endpoints");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(traffic, "traffic");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(clock, "clock");
  }

  public FlowContext withTraffic(Traffic t) {
    return new FlowContext(endpoints, grace, t, listener, clock);
  }

  public FlowContext withListener(FlowListener l) {
    return new FlowContext(endpoints, grace, traffic, l, clock);
  }

  long now() {
    return clock.getAsLong();
  }
}
