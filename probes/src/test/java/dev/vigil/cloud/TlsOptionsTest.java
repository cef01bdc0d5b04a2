package dev.vigil.cloud;

import static dev.vigil.cloud.CloudFixture.ENV;
import static dev.vigil.cloud.CloudFixture.ENV_SUBJECT;
import static dev.vigil.cloud.CloudFixture.FILE;
import static dev.vigil.cloud.CloudFixture.FILE_SUBJECT;
import static dev.vigil.cloud.CloudFixture.failure;
import static dev.vigil.cloud.CloudFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsOptionsTest {

  @TempDir Path cwd;

  private TlsOptions read(String cloud, CloudOrigin origin) {
    return TlsOptions.read(yaml(cloud), origin, cwd, cwd.resolve("home"));
  }

  @Test
  void nothingSetChecksAgainstTheSystemsCas() {
    assertThat(read("auth: {}", FILE)).isEqualTo(new TlsOptions(true, null));
  }

  @Test
  void fromTheEnvironmentTrueAndFalseAreTextInAnyCase() {
    assertThat(read("verify: 'False'", ENV).verify()).isFalse();
    assertThat(read("insecure: ' TRUE '", ENV).verify()).isFalse();
    assertThat(read("insecure: 'false'\nverify: 'true'", ENV).verify()).isTrue();
  }

  @Test
  void inCloudsYamlOnlyAnUnquotedBooleanIsOne() {
    assertThat(failure(() -> read("insecure: 1", FILE)))
        .isEqualTo(FILE_SUBJECT + "insecure must be true or false (unquoted), not \"1\"");
  }

  @Test
  void aMissingCacertFromTheEnvironmentNamesTheVariable() {
    assertThat(failure(() -> read("cacert: nope.pem", ENV)))
        .isEqualTo(ENV_SUBJECT + "cacert file " + cwd.resolve("nope.pem") + " not found; fix"
            + " OS_CACERT or remove it to trust the system's CAs");
  }
}
