package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

  @Test
  void rendersPlaceholdersLikeGatlingsExpressionLanguage() {
    Template t = Template.of("servers/#{server}?name=#{ name }");
    assertThat(t.names()).containsExactly("name", "server");
    assertThat(t.render(Map.of("server", "abc", "name", "run-1"))).isEqualTo("servers/abc?name=run-1");
  }

  @Test
  void textWithoutPlaceholdersRendersAsItIs() {
    assertThat(Template.of("flavors").render(Map.of())).isEqualTo("flavors");
  }

  @Test
  void escapesValuesOnlyInJsonBodies() {
    Template t = Template.of("{\"name\": \"#{name}\"}");
    assertThat(t.renderJson(Map.of("name", "a\"b\\c\n"))).isEqualTo("{\"name\": \"a\\\"b\\\\c\\n\"}");
  }

  @Test
  void anUnknownNameIsAnErrorNotAnEmptyString() {
    assertThatThrownBy(() -> Template.of("servers/#{server}").render(Map.of("name", "x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("#{server}")
        .hasMessageContaining("[name]");
  }

  @Test
  void refusesBrokenPlaceholders() {
    assertThatThrownBy(() -> Template.of("a/#{b")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> Template.of("a/#{}")).hasMessageContaining("empty");
  }
}
