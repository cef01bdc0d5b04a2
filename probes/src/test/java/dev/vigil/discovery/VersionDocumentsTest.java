package dev.vigil.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Version documents as the lab's Zed services send them (shapes copied from real answers). */
class VersionDocumentsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void rootCutsTheVersionAndProjectSegments() {
    assertThat(VersionDocuments.root("http://127.0.0.1:8776/v3/abc123")).isEqualTo("http://127.0.0.1:8776/");
    assertThat(VersionDocuments.root("http://127.0.0.1:8774/v2.1")).isEqualTo("http://127.0.0.1:8774/");
    assertThat(VersionDocuments.root("http://127.0.0.1:9292")).isEqualTo("http://127.0.0.1:9292/");
    assertThat(VersionDocuments.root("https://cloud/identity/v3/")).isEqualTo("https://cloud/identity/");
    assertThat(VersionDocuments.documentUrl("object-store", "http://127.0.0.1:8080/v1/AUTH_abc")).isEqualTo("http://127.0.0.1:8080/info");
  }

  @Test
  void novaListsMicroversionsAndAnEmptyOnesForV20() throws Exception {
    List<ApiVersion> v = VersionDocuments.parse("compute", JSON.readTree(
        "{\"versions\":[{\"id\":\"v2.0\",\"status\":\"SUPPORTED\",\"version\":\"\",\"min_version\":\"\"},"
            + "{\"id\":\"v2.1\",\"status\":\"CURRENT\",\"version\":\"2.93\",\"min_version\":\"2.1\"}]}"));
    assertThat(v).containsExactly(new ApiVersion("v2.0", "SUPPORTED", null, null), new ApiVersion("v2.1", "CURRENT", "2.1", "2.93"));
    assertThat(new VersionDocument("u", 200, v, null).describe()).isEqualTo("v2.1 (2.1–2.93) CURRENT");
  }

  @Test
  void keystoneNestsItsListAndPlacementSaysMaxVersion() throws Exception {
    assertThat(VersionDocuments.parse("identity", JSON.readTree(
            "{\"versions\":{\"values\":[{\"id\":\"v3.14\",\"status\":\"stable\"}]}}")))
        .containsExactly(new ApiVersion("v3.14", "stable", null, null));
    assertThat(VersionDocuments.parse("placement", JSON.readTree(
            "{\"versions\":[{\"id\":\"v1.0\",\"max_version\":\"1.39\",\"min_version\":\"1.0\",\"status\":\"CURRENT\"}]}")))
        .containsExactly(new ApiVersion("v1.0", "CURRENT", "1.0", "1.39"));
  }

  @Test
  void swiftReportsItsReleaseInInfo() throws Exception {
    assertThat(VersionDocuments.parse("object-store", JSON.readTree("{\"swift\":{\"version\":\"2.30.1\"},\"slo\":{}}")))
        .containsExactly(new ApiVersion("2.30.1", "CURRENT", null, null));
  }

  @Test
  void currentIsTheLastCurrentOrElseTheLastListed() {
    VersionDocument glance = new VersionDocument("u", 300,
        List.of(new ApiVersion("v2.15", "CURRENT", null, null), new ApiVersion("v2.13", "SUPPORTED", null, null)), null);
    assertThat(glance.current()).get().extracting(ApiVersion::id).isEqualTo("v2.15");
    VersionDocument none = new VersionDocument("u", 200,
        List.of(new ApiVersion("v1", "SUPPORTED", null, null), new ApiVersion("v2", "DEPRECATED", null, null)), null);
    assertThat(none.current()).get().extracting(ApiVersion::id).isEqualTo("v2");
  }
}
