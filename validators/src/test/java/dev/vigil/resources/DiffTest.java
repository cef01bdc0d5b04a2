package dev.vigil.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lifecycle.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffTest {

  private static final ResourceRecord OBJECT =
      new ResourceRecord(Kind.OBJECT, "object-2.bin", "vigil-20261125-134501-a3f9-container/object-2.bin", "tx1", "2026-11-25T13:45:02Z",
          Map.of("sha256", "aaa", "size", "65536"));

  @Test
  void aChangedValueFailsAndNamesTheResourceAndBothValues() {
    Outcome o = new Diff(OBJECT).same("size", "65536").same("sha256 of the content", "aaa", "bbb").outcome();
    assertThat(o.failed()).isTrue();
    assertThat(o.test()).isEqualTo("object object-2.bin unchanged");
    assertThat(o.service()).isEqualTo("object-store");
    assertThat(o.message())
        .isEqualTo("object object-2.bin (id vigil-20261125-134501-a3f9-container/object-2.bin): sha256 of the content was aaa, is now bbb");
    assertThat(o.evidence()).contains("created by request tx1 at 2026-11-25T13:45:02Z", "size 65536");
  }

  @Test
  void sameValuesPass() {
    Outcome o = new Diff(OBJECT).same("size", "65536").same("sha256", "aaa").outcome();
    assertThat(o.failed()).isFalse();
    assertThat(o.message()).endsWith("unchanged");
  }

  @Test
  void aGoneResourceSaysHowItWasMissed() {
    ResourceRecord server = new ResourceRecord(Kind.SERVER, "vigil-20261125-134501-a3f9-server", "s1", null, "t", Map.of());
    Outcome o = Diff.gone(server, "GET answered 404");
    assertThat(o.failed()).isTrue();
    assertThat(o.test()).isEqualTo("server unchanged");
    assertThat(o.message()).isEqualTo("server vigil-20261125-134501-a3f9-server (id s1): it is gone (GET answered 404)");
  }
}
