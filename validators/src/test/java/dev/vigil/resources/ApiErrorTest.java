package dev.vigil.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

  @Test
  void servicesExplainErrorsInTheirOwnShapes() {
    assertThat(reason("{\"forbidden\": {\"code\": 403, \"message\": \"Quota exceeded for instances: Requested 1, but already used 10 of 10 instances\"}}"))
        .isEqualTo("Quota exceeded for instances: Requested 1, but already used 10 of 10 instances");
    assertThat(reason("{\"NeutronError\": {\"type\": \"OverQuota\", \"message\": \"Quota exceeded for resources: ['network'].\", \"detail\": \"\"}}"))
        .isEqualTo("OverQuota: Quota exceeded for resources: ['network'].");
    assertThat(reason("{\"overLimit\": {\"code\": 413, \"message\": \"VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota.\"}}"))
        .startsWith("VolumeSizeExceedsAvailableQuota");
    assertThat(reason("<html><body><h1>413 Request Entity Too Large</h1>\nImage exceeds the storage quota</body></html>"))
        .isEqualTo("413 Request Entity Too Large Image exceeds the storage quota");
    assertThat(reason("")).isEmpty();
  }

  @Test
  void aQuotaRefusalNamesTheFix() {
    ApiError e = new ApiError("cannot create volume v of 5000 GB",
        new Reply("POST", "http://x/volumes", 413, java.net.http.HttpHeaders.of(java.util.Map.of("x-openstack-request-id", java.util.List.of("req-9")), (a, b) -> true),
            "{\"overLimit\": {\"message\": \"VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota.\"}}"
                .getBytes(StandardCharsets.UTF_8)));
    assertThat(e.quota()).isTrue();
    assertThat(e.getMessage())
        .startsWith("cannot create volume v of 5000 GB: HTTP 413 VolumeSizeExceedsAvailableQuota")
        .contains("(request req-9)")
        .endsWith("raise the project's quota (openstack quota show) or free resources")
        .doesNotContain("\n");
  }

  @Test
  void versionlessCatalogUrlsGetTheirApiVersion() {
    assertThat(Service.NETWORK.base("http://127.0.0.1:9696")).isEqualTo("http://127.0.0.1:9696/v2.0");
    assertThat(Service.NETWORK.base("http://127.0.0.1:9696/v2.0/")).isEqualTo("http://127.0.0.1:9696/v2.0");
    assertThat(Service.IMAGE.base("http://127.0.0.1:9292/")).isEqualTo("http://127.0.0.1:9292/v2");
    assertThat(Service.COMPUTE.base("http://127.0.0.1:8774/v2.1")).isEqualTo("http://127.0.0.1:8774/v2.1");
    assertThat(Service.OBJECT_STORE.base("http://127.0.0.1:8080/v1/AUTH_p1")).isEqualTo("http://127.0.0.1:8080/v1/AUTH_p1");
  }

  private static String reason(String body) {
    return ApiError.reason(body.getBytes(StandardCharsets.UTF_8));
  }
}
