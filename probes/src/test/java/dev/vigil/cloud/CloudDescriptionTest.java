package dev.vigil.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudDescriptionTest {

  @TempDir java.nio.file.Path root;

  @Test
  void aPasswordCloudIsDescribedWithoutItsPassword() throws Exception {
    CloudFixture f = new CloudFixture(root);
    f.cwdFile("clouds.yaml", CloudFixture.clouds(CloudFixture.passwordCloud("prod", "https://keystone.example:5000/v3")
        + "    region_name: RegionTwo\n"));
    var doc = CloudDescription.of(f.load("prod"));
    assertThat(doc).containsEntry("name", "prod").containsEntry("auth_url", "https://keystone.example:5000/v3")
        .containsEntry("auth_type", "password").containsEntry("username", "alice").containsEntry("project_name", "demo")
        .containsEntry("region_name", "RegionTwo").containsEntry("interface", "public").containsEntry("verify", true);
    assertThat(doc.get("source").toString()).endsWith("clouds.yaml");
    assertThat(new ObjectMapper().writeValueAsString(doc)).doesNotContain(CloudFixture.PASSWORD);
  }

  @Test
  void anApplicationCredentialIsDescribedWithoutItsSecret() throws Exception {
    CloudFixture f = new CloudFixture(root);
    f.cwdFile("clouds.yaml", "clouds:\n  c:\n    auth_type: v3applicationcredential\n    auth:\n      auth_url: https://k/v3\n"
        + "      application_credential_id: ac-1\n      application_credential_secret: " + CloudFixture.APP_SECRET + "\n");
    var doc = CloudDescription.of(f.load("c"));
    assertThat(doc).containsEntry("auth_type", "v3applicationcredential").containsEntry("application_credential_id", "ac-1");
    assertThat(new ObjectMapper().writeValueAsString(doc)).doesNotContain(CloudFixture.APP_SECRET);
  }
}
