package dev.vigil.resources;

import dev.vigil.VigilException;
import dev.vigil.lifecycle.Outcome;
import java.util.ArrayList;
import java.util.List;

/** Compares every recorded resource with what the cloud shows now: one outcome per resource. */
final class Verification {

  private final Api api;
  private final Ledger ledger;

  Verification(Api api, Ledger ledger) {
    this.api = api;
    this.ledger = ledger;
  }

  List<Outcome> run() {
    List<Outcome> outcomes = new ArrayList<>();
    VolumeResource volumes = new VolumeResource(api);
    int objects = ledger.all(Kind.OBJECT).size();
    for (ResourceRecord r : ledger.resources()) {
      Outcome o;
      try {
        o = switch (r.kind()) {
          case CONTAINER -> new ContainerResource(api).verify(r, objects);
          case OBJECT -> new ContainerResource(api).verifyObject(r);
          case IMAGE -> new ImageResource(api).verify(r);
          case NETWORK -> new NetworkResource(api).verify(r);
          case SUBNET -> new SubnetResource(api).verify(r);
          case PORT -> new PortResource(api).verify(r);
          case SERVER -> new ServerResource(api).verify(r, ledger.runId());
          case VOLUME -> volumes.verify(r);
          case VOLUME_ATTACHMENT -> new AttachmentResource(api, volumes).verify(r);
        };
      } catch (VigilException e) {
        // the service did not answer in time: that is a finding about this resource, not a crash
        o = new Diff(r).change("could not be read: " + e.getMessage()).outcome();
      }
      api.progress("  " + (o.failed() ? "FAILED " : "ok     ") + o.message());
      outcomes.add(o);
    }
    return outcomes;
  }
}
