package dev.vigil.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkerTest {

  private static Candidates of(String service, String value) {
    return ReleaseTable.marker(service).orElseThrow().candidates(value);
  }

  private static List<String> ids(Candidates c) {
    return c.releases().stream().map(Release::id).toList();
  }

  @Test
  void novaMaximaPinOrPairReleases() {
    assertThat(of("compute", "2.93").isSingle()).isTrue();
    assertThat(ids(of("compute", "2.93"))).containsExactly("zed");
    assertThat(ids(of("compute", "2.95"))).containsExactly("2023.1", "2023.2");
    assertThat(ids(of("compute", "2.96"))).containsExactly("2024.1", "2024.2");
    assertThat(ids(of("compute", "2.100"))).containsExactly("2025.1", "2025.2");
    assertThat(of("compute", "2.103").describe()).isEqualTo("2026.1");
  }

  @Test
  void microversionsCompareByFieldNotAsDecimals() {
    // 2.100 > 2.96 although 2.100 < 2.96 as decimals
    assertThat(DottedVersion.compare("2.100", "2.96")).isPositive();
    assertThat(DottedVersion.compare("v3.14", "3.14")).isZero();
    assertThat(of("compute", "2.104").describe()).isEqualTo("newer than 2026.1");
    assertThat(of("compute", "2.110").describe()).isEqualTo("newer than 2026.1");
  }

  @Test
  void valuesOutsideTheTableAreOlderOrNewer() {
    assertThat(of("compute", "2.90").describe()).isEqualTo("older than zed");
    assertThat(of("compute", "2.79").describe()).isEqualTo("older than zed");
    assertThat(of("block-storage", "3.68").describe()).isEqualTo("older than zed");
    assertThat(of("object-store", "2.29").describe()).isEqualTo("older than zed");
    assertThat(of("object-store", "2.38").describe()).isEqualTo("newer than 2026.1");
  }

  @Test
  void aValueBetweenTwoReleasesAllowsBothNeighbours() {
    assertThat(ids(of("compute", "2.94"))).containsExactly("zed", "2023.1");
    assertThat(ids(of("compute", "2.98"))).containsExactly("2024.2", "2025.1");
  }

  @Test
  void repeatedMaximaAreAmbiguousAndSaySo() {
    Candidates placement = of("placement", "1.39");
    assertThat(placement.releases()).hasSize(Release.ALL.size());
    assertThat(placement.older()).isTrue();
    assertThat(placement.newer()).isTrue();
    assertThat(placement.describe()).isEqualTo("any release");
    assertThat(of("block-storage", "3.70").describe()).isEqualTo("one of zed, 2023.1, 2023.2");
    assertThat(of("block-storage", "3.71").describe()).isEqualTo("one of 2024.1 … 2026.1, newer than 2026.1");
    assertThat(of("identity", "3.14").describe()).isEqualTo("any release");
  }

  @Test
  void glanceDependsOnTheImageCacheUntil2024_1() {
    assertThat(of("image", "2.15").describe()).isEqualTo("one of older than zed, zed … 2024.1");
    assertThat(of("image", "2.16").describe()).isEqualTo("one of zed … 2024.1");
    assertThat(of("image", "2.17").describe()).isEqualTo("one of 2024.2 … 2026.1, newer than 2026.1");
  }

  @Test
  void swiftSeriesPinEachRelease() {
    String[] swift = {"2.30.1", "2.31.0", "2.32.1", "2.33.0", "2.34.2", "2.35.4", "2.36.0", "2.37.3"};
    for (Release r : Release.ALL) {
      assertThat(of("object-store", DottedVersion.prefix(swift[r.order()], 2)).describe()).as(r.id()).isEqualTo(r.id());
    }
  }

  @Test
  void ironicChangesEveryRelease() {
    String[] ironic = {"1.80", "1.82", "1.87", "1.90", "1.93", "1.96", "1.101", "1.111"};
    for (Release r : Release.ALL) {
      assertThat(of("baremetal", ironic[r.order()]).describe()).as(r.id()).isEqualTo(r.id());
    }
  }
}
