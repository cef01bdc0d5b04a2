package dev.vigil.cloud;

import static dev.vigil.cloud.CloudFixture.FILE;
import static dev.vigil.cloud.CloudFixture.FILE_SUBJECT;
import static dev.vigil.cloud.CloudFixture.failure;
import static dev.vigil.cloud.CloudFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class AuthOptionsTest {

  private static AuthOptions options(String cloud) {
    ObjectNode config = yaml(cloud);
    return new AuthOptions(config, (ObjectNode) config.get("auth"), FILE);
  }

  @Test
  void insideAuthBeatsBesideItEvenUnderADeprecatedName() {
    assertThat(options("username: beside\nauth: {user_name: inside}").get("username", "user_name"))
        .isEqualTo("inside");
  }

  @Test
  void theCurrentNameBeatsTheDeprecatedOneInTheSamePlace() {
    assertThat(options("auth: {user_name: old, username: new}").get("username", "user_name"))
        .isEqualTo("new");
  }

  @Test
  void emptyIsNotGiven() {
    AuthOptions options = options("user_id: beside\nauth: {user_id: ''}");

    assertThat(options.get("user_id")).isEqualTo("beside");
    assertThat(options.get("project_id")).isNull();
  }

  @Test
  void aListIsRefusedUnderTheNameItWasWrittenWith() {
    assertThat(failure(() -> options("auth: {user_name: [a]}").get("username", "user_name")))
        .isEqualTo(FILE_SUBJECT + "user_name must be a single value, not a list or mapping");
  }
}
