package dev.vigil.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import org.junit.jupiter.api.Test;

class ReleaseTest {

  @Test
  void parsesIdsCodenamesAndAnyCase() {
    assertThat(Release.parse("zed").id()).isEqualTo("zed");
    assertThat(Release.parse("Zed").id()).isEqualTo("zed");
    assertThat(Release.parse("2022.2").id()).isEqualTo("zed");
    assertThat(Release.parse("2023.1").codename()).isEqualTo("antelope");
    assertThat(Release.parse("Caracal").id()).isEqualTo("2024.1");
    assertThat(Release.parse(" gazpacho ").id()).isEqualTo("2026.1");
  }

  @Test
  void unknownNameIsOneLineListingTheValidNames() {
    assertThatThrownBy(() -> Release.parse("2023.3"))
        .isInstanceOf(VigilException.class)
        .hasMessage("unknown release \"2023.3\": use one of zed, 2023.1 (antelope), 2023.2 (bobcat), 2024.1 (caracal),"
            + " 2024.2 (dalmatian), 2025.1 (epoxy), 2025.2 (flamingo), 2026.1 (gazpacho)");
    assertThatThrownBy(() -> Release.parse("yoga")).hasMessageStartingWith("unknown release \"yoga\": use one of zed,");
  }

  @Test
  void releasesAreInOrder() {
    for (int i = 1; i < Release.ALL.size(); i++) {
      assertThat(Release.ALL.get(i - 1)).isLessThan(Release.ALL.get(i));
      assertThat(Release.ALL.get(i).order()).isEqualTo(i);
    }
  }
}
