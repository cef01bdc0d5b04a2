package dev.vigil.cloud;

import static dev.vigil.cloud.CloudFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeKeyFixesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      project_name beats tenant_name wherever each is written | {tenant_name: t, auth: {project_name: p}}                  | {auth: {project_name: p}}
      the key beside auth wins over the one in it             | {user_domain_name: out, auth: {user_domain_name: in}}    | {auth: {user_domain_name: out}}
      lists and empty values are dropped                      | {project_id: [a], auth: {project_name: ''}}              | {auth: {}}
      without a project, domain_id is the scope               | {auth: {domain_id: d, user_id: u}}                       | {auth: {domain_id: d, user_id: u}}
      with one, it stands for the user's and project's domain | {auth: {domain_id: d, project_id: p}}                    | {auth: {user_domain_id: d, project_domain_id: d, project_id: p}}
      """)
  void fixes(String rule, String cloud, String expected) {
    ObjectNode config = yaml(cloud);

    ScopeKeyFixes.apply(config, (ObjectNode) config.get("auth"));

    assertThat(config).as(rule).isEqualTo(yaml(expected));
  }
}
