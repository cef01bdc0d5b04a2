package dev.vigil.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataPlaneTargetTest {

  private static final Optional<String> SWIFT = Optional.of("http://127.0.0.1:8080/v1/AUTH_abc");

  @Test
  void readsTheThreeKindsOfTarget() {
    assertThat(DataPlaneTarget.parse("http://10.0.0.5/health", SWIFT))
        .isEqualTo(new DataPlaneTarget("data-plane:http://10.0.0.5/health", "http", "http://10.0.0.5/health"));
    DataPlaneTarget tcp = DataPlaneTarget.parse(" tcp://10.0.0.5:22 ", SWIFT);
    assertThat(tcp.kind()).isEqualTo("tcp");
    assertThat(tcp.host()).isEqualTo("10.0.0.5");
    assertThat(tcp.port()).isEqualTo(22);
    assertThat(DataPlaneTarget.parse("swift:backups/db.tar", SWIFT).url()).isEqualTo("http://127.0.0.1:8080/v1/AUTH_abc/backups/db.tar");
  }

  @Test
  void badTargetsSayHowToWriteThem() {
    assertThatThrownBy(() -> DataPlaneTarget.parse("10.0.0.5:22", SWIFT)).isInstanceOf(VigilException.class)
        .hasMessageContaining("tcp://HOST:PORT");
    assertThatThrownBy(() -> DataPlaneTarget.parse("tcp://10.0.0.5", SWIFT)).hasMessageContaining("tcp://HOST:PORT");
    assertThatThrownBy(() -> DataPlaneTarget.parse("swift:only-a-container", SWIFT)).hasMessageContaining("swift:CONTAINER/OBJECT");
    assertThatThrownBy(() -> DataPlaneTarget.parse("swift:c/o", Optional.empty())).hasMessageContaining("no object-store endpoint");
  }
}
