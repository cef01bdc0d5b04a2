package dev.vigil.cloud;

import static dev.vigil.cloud.CloudFixture.ENV;
import static dev.vigil.cloud.CloudFixture.ENV_SUBJECT;
import static dev.vigil.cloud.CloudFixture.FILE;
import static dev.vigil.cloud.CloudFixture.failure;
import static dev.vigil.cloud.CloudFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterfaceChoiceTest {

  @Test
  void emptyIsPublic() {
    assertThat(InterfaceChoice.choose(yaml("interface: ''"), FILE)).isEqualTo("public");
  }

  @Test
  void theV2CatalogsSpellingOfEachInterface() {
    assertThat(InterfaceChoice.choose(yaml("interface: adminURL"), FILE)).isEqualTo("admin");
    assertThat(InterfaceChoice.choose(yaml("endpoint_type: internalURL"), FILE))
        .isEqualTo("internal");
  }

  @Test
  void fromTheEnvironmentTheFixNamesTheVariable() {
    assertThat(failure(() -> InterfaceChoice.choose(yaml("interface: privateURL"), ENV)))
        .isEqualTo(ENV_SUBJECT + "interface \"privateURL\" is not one of public, internal, admin;"
            + " fix OS_INTERFACE");
  }
}
