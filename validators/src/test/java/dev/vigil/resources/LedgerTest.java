package dev.vigil.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import dev.vigil.lifecycle.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {

  private static final String RUN = "vigil-20261125-134501-a3f9";

  @Test
  void eachRecordIsOnDiskAsSoonAsItIsPut(@TempDir Path dir) throws Exception {
    Ledger ledger = Ledger.create(dir, RUN, "lab", "p1", "demo", "demo");
    assertThat(Ledger.read(dir).resources()).isEmpty();
    ledger.put(new ResourceRecord(Kind.NETWORK, RUN + "-net", "n1", "req-1", "2026-11-25T13:45:02Z", Map.of("status", "ACTIVE")));
    Ledger reread = Ledger.read(dir);
    assertThat(reread.runId()).isEqualTo(RUN);
    assertThat(reread.projectId()).isEqualTo("p1");
    assertThat(reread.find(Kind.NETWORK).orElseThrow().requestId()).isEqualTo("req-1");
    assertThat(reread.find(Kind.NETWORK).orElseThrow().state("status")).isEqualTo("ACTIVE");
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly(Ledger.FILE);
    assertThat(Files.readString(dir.resolve(Ledger.FILE))).contains("\"request_id\" : \"req-1\"", "\"kind\" : \"network\"");
  }

  @Test
  void aRecordPutAgainIsUpdatedNotDuplicated(@TempDir Path dir) {
    Ledger ledger = Ledger.create(dir, RUN, "lab", "p1", "demo", "demo");
    ResourceRecord server = ledger.put(new ResourceRecord(Kind.SERVER, RUN + "-server", "s1", "req-2", "t", Map.of("status", "BUILD")));
    ledger.put(server.with(Map.of("status", "ACTIVE", "port_id", "p9")));
    List<ResourceRecord> all = Ledger.read(dir).all(Kind.SERVER);
    assertThat(all).hasSize(1);
    assertThat(all.get(0).state()).containsEntry("status", "ACTIVE").containsEntry("port_id", "p9");
  }

  @Test
  void outcomesAreWrittenInTheKeysOfEveryCheckFile(@TempDir Path dir) throws Exception {
    Ledger ledger = Ledger.create(dir, RUN, "lab", "p1", "demo", "demo");
    ledger.finish("after", List.of(Outcome.failed(PersistentResources.NAME, "object object-2.bin unchanged", "object-store", "changed", List.of())));
    String json = Files.readString(dir.resolve(Ledger.FILE));
    assertThat(json).contains("\"check\" : \"persistent-resources\"", "\"passed\" : false", "\"last_phase\" : \"after\"",
        "\"test\" : \"object object-2.bin unchanged\"");
    assertThat(Ledger.read(dir).runId()).isEqualTo(RUN);
  }

  @Test
  void aFolderIsUsedByOneRunOnly(@TempDir Path dir) {
    Ledger.create(dir, RUN, "lab", "p1", "demo", "demo");
    assertThatThrownBy(() -> Ledger.create(dir, "vigil-20261125-134502-bbbb", "lab", "p1", "demo", "demo"))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("already exists")
        .hasMessageContaining("--phase cleanup");
  }

  @Test
  void aMissingOrDamagedFileSaysWhatToDo(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> Ledger.read(dir)).isInstanceOf(VigilException.class).hasMessageContaining("--phase before --out " + dir);
    Files.writeString(dir.resolve(Ledger.FILE), "{\"run_id\": \"x\"}");
    assertThatThrownBy(() -> Ledger.read(dir)).isInstanceOf(VigilException.class).hasMessageContaining("no valid run_id");
    Files.writeString(dir.resolve(Ledger.FILE), "{not json");
    assertThatThrownBy(() -> Ledger.read(dir)).isInstanceOf(VigilException.class).hasMessageContaining("vigil sweep");
  }
}
