package dev.vigil.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.identity.IdentitySession;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.Phase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the lab, as the non-admin user demo: the check's whole life, a restart in between, and tampering. */
class PersistentResourcesIT {

  private final CloudConfig cloud = LabCloud.cloud("lab");

  @Test
  void resourcesSurviveARestartAndAfterNamesTheObjectsChangedBehindItsBack(@TempDir Path dir) throws Exception {
    String runId = TestRunIds.next();
    try (IdentitySession identity = LabCloud.session(cloud)) {
      try {
        PersistentResources before = check(runId, dir, identity);
        before.start(Phase.BEFORE);
        before.write(dir);
        assertThat(before.evaluate()).allMatch(o -> !o.failed()).hasSize(11);
        Ledger ledger = Ledger.read(dir);
        assertThat(ledger.resources().stream().map(ResourceRecord::kind)).contains(Kind.values());
        assertThat(ledger.resources()).allMatch(r -> r.requestId() != null && r.name().startsWith(r.kind() == Kind.OBJECT ? "object-" : runId));
        assertThat(ledger.find(Kind.VOLUME).orElseThrow().state()).containsEntry("status", "in-use");
        assertThat(ledger.find(Kind.SERVER).orElseThrow().state()).containsEntry("status", "ACTIVE");
        assertThat(ledger.find(Kind.IMAGE).orElseThrow().state()).containsKey("sha256");

        // an upgrade's restarts: every API service, all its servers at once (the "a restart of every service")
        for (String backend : List.of("identity", "image", "compute", "placement", "block-storage", "object-store", "network")) {
          LabCloud.script("upgrade", "naive", backend);
        }

        PersistentResources after = check(runId, dir, identity); // a new object, as a separate process would be
        after.start(Phase.AFTER);
        after.write(dir);
        assertThat(after.evaluate()).hasSize(11).allSatisfy(o -> assertThat(o.failed()).as(o.message()).isFalse());

        // someone overwrites one object and deletes another
        Api api = LabCloud.api(cloud, identity);
        String container = ledger.find(Kind.CONTAINER).orElseThrow().name();
        Rest.ok(api.rest().put(Service.OBJECT_STORE, "/" + container + "/object-2.bin", "not what Vigil wrote".getBytes(StandardCharsets.UTF_8),
            Map.of("Content-Type", "application/octet-stream")), "overwrite object-2.bin");
        Rest.ok(api.rest().delete(Service.OBJECT_STORE, "/" + container + "/object-3.bin"), "delete object-3.bin");

        PersistentResources tampered = check(runId, dir, identity);
        tampered.start(Phase.AFTER);
        tampered.write(dir);
        List<Outcome> failed = tampered.evaluate().stream().filter(Outcome::failed).toList();
        assertThat(failed).extracting(Outcome::test)
            .containsExactlyInAnyOrder("container unchanged", "object object-2.bin unchanged", "object object-3.bin unchanged");
        assertThat(message(failed, "object object-2.bin unchanged"))
            .startsWith("object object-2.bin (id " + container + "/object-2.bin): ")
            .contains("size was 65536, is now 20", "sha256 of the content was ");
        assertThat(message(failed, "object object-3.bin unchanged")).endsWith("it is gone (GET answered 404)");
        assertThat(message(failed, "container unchanged")).contains("object count was 3, is now 2");
        assertThat(Ledger.read(dir).resources()).hasSize(11);
      } catch (Throwable failure) {
        try {
          check(runId, dir, identity).cleanUp();
        } catch (RuntimeException cleanupFailure) {
          failure.addSuppressed(cleanupFailure);
        }
        throw failure;
      }
      PersistentResources cleanup = check(runId, dir, identity);
      cleanup.cleanUp();
      cleanup.cleanUp(); // idempotent: a second clean-up finds nothing and passes
      assertThat(cleanup.evaluate()).hasSize(2).allSatisfy(o -> assertThat(o.failed()).as(o.message()).isFalse());
      assertThat(cleanup.evaluate().get(0).message()).startsWith("8 resources removed");
      assertThat(cleanup.evaluate().get(1).message()).startsWith("0 resources removed");
      assertThat(new Remover(LabCloud.api(cloud, identity)).find(RunIds.of(runId))).isEmpty();
    }
  }

  @Test
  void aQuotaRefusalIsOneLineNamingTheResourceAndWhatWasCreatedIsRemoved(@TempDir Path dir) {
    String runId = TestRunIds.next();
    try (IdentitySession identity = LabCloud.session(cloud)) {
      // 5000 GB is over the lab's default 1000 GB quota: Cinder refuses with 413 after network, server & co. exist
      PersistentResources check = new PersistentResources(ResourcePlan.defaults().withVolumeGb(5000));
      check.prepare(LabCloud.context(runId, dir, cloud, identity, System.err::println));
      assertThatThrownBy(() -> check.start(Phase.BEFORE))
          .isInstanceOf(VigilException.class)
          .hasMessageStartingWith("cannot create volume " + runId + "-volume of 5000 GB: HTTP 413 ")
          .hasMessageContaining("quota")
          .hasMessageContaining("removed what was created so far")
          .hasMessageContaining("nothing named " + runId + "* is left")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      assertThat(new Remover(LabCloud.api(cloud, identity)).find(RunIds.of(runId))).isEmpty();
      assertThat(Ledger.read(dir).find(Kind.SERVER)).isPresent(); // the trail stays in the run folder
    }
  }

  @Test
  void aWrongFlavorFailsBeforeAnythingIsCreated(@TempDir Path dir) {
    String runId = TestRunIds.next();
    try (IdentitySession identity = LabCloud.session(cloud)) {
      PersistentResources check = new PersistentResources(ResourcePlan.defaults().withFlavor("m9.galactic"));
      check.prepare(LabCloud.context(runId, dir, cloud, identity, System.err::println));
      assertThatThrownBy(() -> check.start(Phase.BEFORE))
          .isInstanceOf(VigilException.class)
          .hasMessageStartingWith("flavor m9.galactic is not among the flavors cloud lab offers [")
          .hasMessageContaining("pass one with --flavor");
      assertThat(Ledger.read(dir).resources()).isEmpty();
    }
  }

  @Test
  void anAdminCloudIsRefused(@TempDir Path dir) {
    CloudConfig admin = LabCloud.cloud("lab-admin");
    try (IdentitySession identity = LabCloud.session(admin)) {
      PersistentResources check = new PersistentResources(ResourcePlan.defaults());
      assertThatThrownBy(() -> check.prepare(LabCloud.context(TestRunIds.next(), dir, admin, identity, System.err::println)))
          .isInstanceOf(VigilException.class)
          .hasMessageContaining("with the admin role");
    }
  }

  private PersistentResources check(String runId, Path dir, IdentitySession identity) {
    PersistentResources c = new PersistentResources(ResourcePlan.defaults());
    c.prepare(LabCloud.context(runId, dir, cloud, identity, System.err::println));
    return c;
  }

  private static String message(List<Outcome> outcomes, String test) {
    return outcomes.stream().filter(o -> o.test().equals(test)).findFirst().orElseThrow().message();
  }
}
