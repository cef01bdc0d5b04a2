package dev.vigil.cloud;

import static dev.vigil.cloud.CloudFixture.FILE;
import static dev.vigil.cloud.CloudFixture.FILE_SUBJECT;
import static dev.vigil.cloud.CloudFixture.failure;
import static dev.vigil.cloud.CloudFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthTypeChoiceTest {

  @ParameterizedTest
  @ValueSource(strings = {"password", "v3password", "v3applicationcredential"})
  void theSupportedTypes(String type) {
    assertThat(AuthTypeChoice.choose(yaml("auth_type: " + type), FILE)).isEqualTo(type);
  }

  @Test
  void anEmptyTypeIsNamedNone() {
    assertThat(failure(() -> AuthTypeChoice.choose(yaml("auth_type: ''"), FILE)))
        .isEqualTo(FILE_SUBJECT + "auth_type \"none\" is not supported; use password (the"
            + " default), v3password or v3applicationcredential");
  }
}
