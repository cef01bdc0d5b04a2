package dev.vigil.resources;

/**
 * Creates the run's resources in an order that needs no undo logic of its own: the cheap, quick
 * ones first (Swift, Glance), then network, subnet, port, the server on that port, and the volume
 * attached to it. Each is in the ledger as soon as its create call answers; on the first failure
 * the exception propagates and the check removes whatever the ledger (and the run id) holds.
 */
final class Creation {

  private final Api api;
  private final Ledger ledger;
  private final ResourcePlan plan;

  Creation(Api api, Ledger ledger, ResourcePlan plan) {
    this.api = api;
    this.ledger = ledger;
    this.plan = plan;
  }

  void run() {
    // resolved first: a wrong flavor or image name should fail before anything exists
    String flavorId = Lookups.flavorId(api, plan.flavor());
    String imageId = Lookups.imageId(api, plan.image());
    api.progress("creating the resources of run " + ledger.runId() + " in project " + api.projectId() + " (record: " + ledger.file() + ")");

    ContainerResource swift = new ContainerResource(api);
    ResourceRecord container = swift.create(ledger);
    for (int i = 1; i <= plan.objects(); i++) {
      swift.createObject(ledger, container, i, plan.objectBytes());
    }
    new ImageResource(api).create(ledger, plan.imageBytes());

    ResourceRecord network = new NetworkResource(api).create(ledger);
    new SubnetResource(api).create(ledger, network, plan.cidr());
    PortResource ports = new PortResource(api);
    ResourceRecord port = ports.create(ledger, network);
    ResourceRecord server = new ServerResource(api).create(ledger, flavorId, imageId, port, plan.serverTimeout());
    ports.settle(ledger, port);

    VolumeResource volumes = new VolumeResource(api);
    ResourceRecord volume = volumes.create(ledger, plan.volumeGb(), plan.volumeTimeout());
    new AttachmentResource(api, volumes).create(ledger, server, volume, plan.volumeTimeout());
    api.progress("created " + ledger.resources().size() + " resources of run " + ledger.runId());
  }
}
