package dev.vigil.cloud;

import static dev.vigil.cloud.CloudFixture.APP_SECRET;
import static dev.vigil.cloud.CloudFixture.ENV;
import static dev.vigil.cloud.CloudFixture.ENV_SUBJECT;
import static dev.vigil.cloud.CloudFixture.FILE;
import static dev.vigil.cloud.CloudFixture.PASSWORD;
import static dev.vigil.cloud.CloudFixture.failure;
import static dev.vigil.cloud.CloudFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The credential rules that {@link CloudAuthTest} and {@link CloudErrorsTest} do not reach. */
class CredentialsReaderTest {

  private static Auth read(String authType, String cloud, CloudOrigin origin) {
    ObjectNode config = yaml(cloud);
    return CredentialsReader.read(
        authType, new AuthOptions(config, (ObjectNode) config.get("auth"), origin), origin);
  }

  @Test
  void anApplicationCredentialByNameMayNameItsOwnerById() {
    assertThat(read("v3applicationcredential", "auth: {application_credential_name: vigil,"
        + " application_credential_secret: " + APP_SECRET + ", user_id: u-1}", FILE))
        .isEqualTo(new Auth.ApplicationCredential(
            null, "vigil", Secret.of(APP_SECRET), null, "u-1", null, null));
  }

  @Test
  void defaultDomainNameFillsBothDomainsForThePasswordPlugin() {
    Auth.Password auth = (Auth.Password) read("password", "auth: {username: a, password: "
        + PASSWORD + ", project_name: demo, default_domain_name: Acme}", FILE);

    assertThat(auth.userDomainName()).isEqualTo("Acme");
    assertThat(auth.scope()).isEqualTo(new Auth.Scope("demo", null, "Acme", null, null, null));
  }

  @Test
  void v3passwordKnowsNoDefaultDomainForTheProjectEither() {
    assertThat(failure(() -> read("v3password", "auth: {user_id: u, password: " + PASSWORD
        + ", project_name: demo, default_domain_name: Acme}", FILE)))
        .contains("auth.project_name needs the project's domain");
  }

  @Test
  void fromTheEnvironmentTheMessagesNameTheVariables() {
    assertThat(failure(() -> read("password", "auth: {password: " + PASSWORD + "}", ENV)))
        .isEqualTo(ENV_SUBJECT + "no user; set OS_USERNAME (with OS_USER_DOMAIN_NAME) or"
            + " OS_USER_ID");
    assertThat(failure(() -> read("v3applicationcredential",
        "auth: {application_credential_id: ac}", ENV)))
        .isEqualTo(ENV_SUBJECT + "application_credential_secret is missing; set"
            + " OS_APPLICATION_CREDENTIAL_SECRET");
  }
}
