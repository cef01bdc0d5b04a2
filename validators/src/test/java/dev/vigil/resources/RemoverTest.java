package dev.vigil.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoverTest {

  @Test
  void removalFollowsDependencies() {
    List<Found> shuffled =
        List.of(
            found(Kind.CONTAINER, "c"),
            found(Kind.NETWORK, "n"),
            found(Kind.IMAGE, "i"),
            found(Kind.SUBNET, "s"),
            found(Kind.VOLUME, "v"),
            found(Kind.PORT, "p"),
            found(Kind.SERVER, "srv"),
            found(Kind.VOLUME_ATTACHMENT, "v"));
    assertThat(Remover.ordered(shuffled).stream().map(Found::kind))
        .containsExactly(Kind.VOLUME_ATTACHMENT, Kind.SERVER, Kind.VOLUME, Kind.PORT, Kind.SUBNET, Kind.NETWORK, Kind.IMAGE, Kind.CONTAINER);
  }

  @Test
  void aResourceFoundTwiceIsRemovedOnce() {
    List<Found> twice = List.of(found(Kind.SERVER, "a"), new Found(Kind.SERVER, "a", "from-listing", "(ACTIVE)"), found(Kind.VOLUME, "a"));
    assertThat(Remover.ordered(twice)).hasSize(2);
  }

  @Test
  void everyKindHasAPlaceInTheRemovalOrder() {
    assertThat(Kind.REMOVAL_ORDER).containsExactlyInAnyOrder(Kind.values());
  }

  @Test
  void ledgerTargetsLeaveObjectsToTheirContainer(@TempDir Path dir) {
    Ledger ledger = Ledger.create(dir, "vigil-20261125-134501-a3f9", "lab", "p1", "demo", "demo");
    ledger.put(new ResourceRecord(Kind.CONTAINER, "vigil-20261125-134501-a3f9-container", "vigil-20261125-134501-a3f9-container", "tx1", "t", Map.of()));
    ledger.put(new ResourceRecord(Kind.OBJECT, "object-1.bin", "vigil-20261125-134501-a3f9-container/object-1.bin", "tx2", "t", Map.of()));
    ledger.put(new ResourceRecord(Kind.NETWORK, "vigil-20261125-134501-a3f9-net", "n1", "req-1", "t", Map.of()));
    ledger.put(new ResourceRecord(Kind.SERVER, "vigil-20261125-134501-a3f9-server", "s1", "req-2", "t", Map.of()));
    assertThat(Remover.fromLedger(ledger).stream().map(Found::kind)).containsExactly(Kind.SERVER, Kind.NETWORK, Kind.CONTAINER);
  }

  private static Found found(Kind kind, String id) {
    return new Found(kind, id, "vigil-20261125-134501-a3f9-" + id, null);
  }
}
