package dev.vigil.cloud;

import static dev.vigil.cloud.CloudFixture.ENV;
import static dev.vigil.cloud.CloudFixture.FILE;
import static dev.vigil.cloud.CloudFixture.FILE_SUBJECT;
import static dev.vigil.cloud.CloudFixture.failure;
import static dev.vigil.cloud.CloudFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudProfilesTest {

  private final Map<String, JsonNode> publicClouds =
      Map.of("acme", yaml("interface: internal"), "odd", TextNode.valueOf("x"));
  private final CloudProfiles profiles = new CloudProfiles(publicClouds::get);

  @Test
  void cloudIsTheOldSpellingOfProfileAndProfileWins() {
    assertThat(profiles.of(yaml("cloud: acme"), FILE)).isEqualTo(publicClouds.get("acme"));
    assertThat(profiles.of(yaml("profile: acme\ncloud: nowhere"), FILE))
        .isEqualTo(publicClouds.get("acme"));
  }

  @Test
  void anEnvironmentCloudHasNoProfile() {
    assertThat(profiles.of(yaml("profile: nowhere"), ENV)).isNull();
  }

  @Test
  void noProfileNamedIsNone() {
    assertThat(profiles.of(yaml("profile: ''"), FILE)).isNull();
  }

  @Test
  void aProfileThatIsNotAMappingIsRefused() {
    assertThat(failure(() -> profiles.of(yaml("profile: odd"), FILE)))
        .isEqualTo(FILE_SUBJECT + "profile \"odd\" in clouds-public.yaml is not a mapping");
  }
}
