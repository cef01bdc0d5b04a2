package dev.vigil.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.Outcome.Status;
import dev.vigil.lifecycle.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReleaseJudgeTest {

  // What each release announces (ReleaseTable; anchors.md §8 and docs/validators.md)
  private static final String[] NOVA = {"2.93", "2.95", "2.95", "2.96", "2.96", "2.100", "2.100", "2.103"};
  private static final String[] CINDER = {"3.70", "3.70", "3.70", "3.71", "3.71", "3.71", "3.71", "3.71"};
  private static final String[] GLANCE = {"2.16", "2.15", "2.16", "2.15", "2.17", "2.17", "2.17", "2.17"};
  private static final String[] SWIFT = {"2.30.1", "2.31.1", "2.32.0", "2.33.1", "2.34.0", "2.35.2", "2.36.3", "2.37.0"};

  private static List<ReleaseReading> cloudAt(Release r, boolean withSwift) {
    List<ReleaseReading> readings = new ArrayList<>();
    readings.add(ReleaseMapping.read("compute", Documents.nova(NOVA[r.order()]), null));
    readings.add(ReleaseMapping.read("block-storage", Documents.cinder(CINDER[r.order()]), null));
    readings.add(ReleaseMapping.read("placement", Documents.placement("1.39"), null));
    readings.add(ReleaseMapping.read("image", Documents.glance(GLANCE[r.order()]), null));
    readings.add(ReleaseMapping.read("identity", Documents.keystone("v3.14"), null));
    readings.add(ReleaseMapping.read("network", Documents.neutron(), null));
    if (withSwift) {
      readings.add(ReleaseMapping.read("object-store", Documents.swift(SWIFT[r.order()]), null));
    }
    return readings;
  }

  private static Map<String, Outcome> byService(List<Outcome> outcomes) {
    return outcomes.stream().filter(o -> o.service() != null).collect(Collectors.toMap(Outcome::service, o -> o));
  }

  private static Outcome cloud(List<Outcome> outcomes) {
    return outcomes.stream().filter(o -> o.service() == null).findFirst().orElseThrow();
  }

  @Test
  void everyReleaseOfTheTableIsDetectedFromTheCombinedEvidence() {
    for (Release r : Release.ALL) {
      List<ReleaseReading> readings = cloudAt(r, true);
      assertThat(ReleaseJudge.combined(readings).describe()).as(r.id()).isEqualTo(r.id());
      List<Outcome> outcomes = ReleaseJudge.judge(Phase.BEFORE, readings, r);
      assertThat(outcomes).as(r.id()).noneMatch(Outcome::failed);
      assertThat(cloud(outcomes).status()).as(r.id()).isEqualTo(Status.PASSED);
      assertThat(byService(outcomes).get("object-store").status()).isEqualTo(Status.PASSED);
    }
  }

  @Test
  void everyOtherExpectationFailsTheCloudAndTheServicesThatPinTheRelease() {
    for (Release actual : Release.ALL) {
      for (Release expected : Release.ALL) {
        if (expected.equals(actual)) {
          continue;
        }
        List<Outcome> outcomes = ReleaseJudge.judge(Phase.AFTER, cloudAt(actual, true), expected);
        assertThat(cloud(outcomes).failed()).as(actual + " vs " + expected).isTrue();
        Outcome swift = byService(outcomes).get("object-store");
        assertThat(swift.failed()).isTrue();
        assertThat(swift.message()).contains("expected " + expected.id()).contains("detected " + actual.id());
      }
    }
  }

  @Test
  void withoutSwift2023_1And2023_2AreAmbiguousAndSaySo() {
    List<ReleaseReading> readings = cloudAt(Release.parse("2023.1"), false);
    assertThat(ReleaseJudge.combined(readings).describe()).isEqualTo("one of 2023.1, 2023.2");
    List<Outcome> noExpectation = ReleaseJudge.judge(Phase.BEFORE, readings, null);
    assertThat(cloud(noExpectation).status()).isEqualTo(Status.SKIPPED);
    assertThat(cloud(noExpectation).message()).isEqualTo("ambiguous even combined: one of 2023.1, 2023.2");
    List<Outcome> expected = ReleaseJudge.judge(Phase.BEFORE, readings, Release.parse("2023.2"));
    assertThat(cloud(expected).status()).isEqualTo(Status.SKIPPED);
    assertThat(cloud(expected).message()).startsWith("cannot confirm 2023.2");
    assertThat(byService(expected).get("compute").message())
        .isEqualTo("compute: cannot confirm 2023.2: its answer is ambiguous: one of 2023.1, 2023.2 (max microversion 2.95)");
  }

  @Test
  void theLabIsZedAndFailsAn2023_1ExpectationWithAMessagePerService() {
    List<Outcome> plain = ReleaseJudge.judge(Phase.BEFORE, Documents.lab(), null);
    Map<String, Outcome> s = byService(plain);
    assertThat(s.get("compute").status()).isEqualTo(Status.PASSED);
    assertThat(s.get("compute").message()).isEqualTo("zed (max microversion 2.93)");
    assertThat(s.get("object-store").message()).isEqualTo("zed (swift release 2.30)");
    assertThat(s.get("placement").status()).isEqualTo(Status.SKIPPED);
    assertThat(s.get("placement").message())
        .isEqualTo("placement alone is ambiguous: any release (max microversion 1.39); the services together point to zed");
    assertThat(s.get("network").message()).contains("network API v2.0, the same in every release");
    assertThat(cloud(plain).message()).isEqualTo("zed (all services' evidence combined)");

    List<Outcome> wrong = ReleaseJudge.judge(Phase.AFTER, Documents.lab(), Release.parse("2023.1"));
    Map<String, Outcome> w = byService(wrong);
    assertThat(w).hasSize(7);
    assertThat(w.get("compute").message()).isEqualTo("compute: expected 2023.1, detected zed (max microversion 2.93; 2023.1 announces 2.95)");
    assertThat(w.get("object-store").failed()).isTrue();
    assertThat(w.get("block-storage").status()).isEqualTo(Status.SKIPPED);
    assertThat(w.get("block-storage").message()).isEqualTo("block-storage: cannot confirm 2023.1: its answer is ambiguous:"
        + " one of zed, 2023.1, 2023.2 (max microversion 3.70); the services together point to zed, not 2023.1");
    assertThat(cloud(wrong).message()).isEqualTo("expected 2023.1, the services together point to zed");
    assertThat(wrong).allMatch(o -> o.test().endsWith("(after)"));
  }

  @Test
  void aMixedCloudIsReportedAndFailsAnExpectation() {
    List<ReleaseReading> readings = new ArrayList<>(cloudAt(Release.parse("zed"), true));
    readings.set(0, ReleaseMapping.read("compute", Documents.nova("2.95"), null));
    assertThat(ReleaseJudge.combined(readings).isEmpty()).isTrue();
    Outcome plain = cloud(ReleaseJudge.judge(Phase.BEFORE, readings, null));
    assertThat(plain.status()).isEqualTo(Status.SKIPPED);
    assertThat(plain.message()).startsWith("the services run different releases: compute one of 2023.1, 2023.2;");
    assertThat(cloud(ReleaseJudge.judge(Phase.BEFORE, readings, Release.parse("zed"))).failed()).isTrue();
  }

  @Test
  void anUnreadableDocumentFailsItsServiceNamingTheUrl() {
    ReleaseReading down = ReleaseMapping.read("compute", Documents.down("http://c:8774/"), null);
    Outcome o = ReleaseJudge.judge(Phase.BEFORE, List.of(down), null).get(0);
    assertThat(o.failed()).isTrue();
    assertThat(o.message()).isEqualTo("compute: cannot tell its release: version document unreadable: HTTP 503 at http://c:8774/");
  }

  @Test
  void afterMustBeTheSameOrNewer() {
    List<ReleaseReading> zed = cloudAt(Release.parse("zed"), true);
    List<ReleaseReading> antelope = cloudAt(Release.parse("2023.1"), true);
    Map<String, Outcome> forward = byService(ReleaseJudge.notOlder(zed, antelope));
    assertThat(forward.get("compute").status()).isEqualTo(Status.PASSED);
    assertThat(forward.get("compute").message()).isEqualTo("compute: zed → one of 2023.1, 2023.2");
    assertThat(forward.get("placement").status()).isEqualTo(Status.SKIPPED);
    Map<String, Outcome> back = byService(ReleaseJudge.notOlder(antelope, zed));
    assertThat(back.get("object-store").failed()).isTrue();
    assertThat(back.get("object-store").message()).isEqualTo("object-store: 2023.1 → zed: older after the upgrade");
    assertThat(byService(ReleaseJudge.notOlder(zed, zed)).get("compute").status()).isEqualTo(Status.PASSED);
  }

  @Test
  void neutronExtensionsAreEvidenceOnly() {
    ReleaseReading n = ReleaseMapping.read("network", Documents.neutron(), List.of("security-group", "router"));
    assertThat(n.candidates().describe()).isEqualTo("any release");
    assertThat(n.evidence()).anyMatch(e -> e.equals("GET /v2.0/extensions: 2 extensions: router,security-group"));
  }

  /**
   * The release lab (lab/up --release 2025.1, lab/upgrade release all): Debian 13's 2025.1 services
   * before; after, Debian testing's nova 33 (2026.1) but swift 2.38 (the 2026.2 series) and Glance
   * left on 2025.1. Values as the lab's APIs answered them (lab/README.md "Release lab").
   */
  @Test
  void theReleaseLabIs2025_1BeforeAndItsSwiftIsNewerThan2026_1After() {
    List<ReleaseReading> before = releaseLab("2.100", "2.35.1");
    assertThat(ReleaseJudge.combined(before).describe()).isEqualTo("2025.1");
    List<Outcome> b = ReleaseJudge.judge(Phase.BEFORE, before, Release.parse("2025.1"));
    assertThat(b).noneMatch(Outcome::failed);
    assertThat(byService(b).get("compute").message()).contains("one of 2025.1, 2025.2");

    List<ReleaseReading> after = releaseLab("2.103", "2.38.2");
    List<Outcome> a = ReleaseJudge.judge(Phase.AFTER, after, Release.parse("2026.1"));
    Map<String, Outcome> s = byService(a);
    assertThat(s.get("compute").status()).isEqualTo(Status.PASSED);
    assertThat(s.get("object-store").failed()).isTrue();
    assertThat(s.get("object-store").message()).contains("expected 2026.1").contains("newer than 2026.1");
    // Glance's 2.17 is every release's since 2024.2: it cannot show that Glance stayed behind
    assertThat(s.get("image").failed()).isFalse();
    assertThat(cloud(a).failed()).isTrue();
    Map<String, Outcome> moved = byService(ReleaseJudge.notOlder(before, after));
    assertThat(moved.get("compute").status()).isEqualTo(Status.PASSED);
    assertThat(moved.get("object-store").status()).isEqualTo(Status.PASSED);
  }

  private static List<ReleaseReading> releaseLab(String nova, String swift) {
    return List.of(
        ReleaseMapping.read("compute", Documents.nova(nova), null),
        ReleaseMapping.read("block-storage", Documents.cinder("3.71"), null),
        ReleaseMapping.read("placement", Documents.placement("1.39"), null),
        ReleaseMapping.read("image", Documents.glance("2.17"), null),
        ReleaseMapping.read("identity", Documents.keystone("v3.14"), null),
        ReleaseMapping.read("network", Documents.neutron(), null),
        ReleaseMapping.read("object-store", Documents.swift(swift), null));
  }
}
