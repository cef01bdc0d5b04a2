package dev.vigil.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {

  private static final Dashboard.Variable RUN = new Dashboard.Variable("run_id", "query", "q", false, false, null);
  private static final Dashboard.Variable SERVICE = new Dashboard.Variable("service", "query", "q", true, true, ".*");
  private static final Dashboard.Variable HOST = new Dashboard.Variable("host", "query", "q", true, true, null);

  @Test
  void findsEverySyntaxGrafanaAccepts() {
    assertThat(Templates.references("$a ${b} ${c:regex} [[d]] /^x$/ $__interval_ms"))
        .containsExactly(new Templates.Reference("a", null), new Templates.Reference("b", null), new Templates.Reference("c", "regex"),
            new Templates.Reference("d", null), new Templates.Reference("__interval_ms", null));
  }

  @Test
  void replacesMultiValuesAsRegexAlternativesAndAllAsTheCustomAllValue() {
    String q = "\"run_id\" = '$run_id' AND \"service\" =~ /^${service:regex}$/ AND \"host\" =~ /^${host:regex}$/ AND $timeFilter";
    Map<String, String> builtIns = Map.of("timeFilter", "time >= 1ms and time <= 2ms");
    assertThat(Templates.interpolate(q, builtIns, Map.of(
        "run_id", new Templates.Selection(RUN, List.of("r1"), false),
        "service", new Templates.Selection(SERVICE, List.of("identity", "image"), false),
        "host", new Templates.Selection(HOST, List.of("a.example"), false))))
        .isEqualTo("\"run_id\" = 'r1' AND \"service\" =~ /^(identity|image)$/ AND \"host\" =~ /^a\\.example$/ AND time >= 1ms and time <= 2ms");
    assertThat(Templates.interpolate("/^${service:regex}$/ /^${host:regex}$/", builtIns, Map.of(
        "service", new Templates.Selection(SERVICE, List.of("identity", "image"), true),
        "host", new Templates.Selection(HOST, List.of("a", "b"), true))))
        .isEqualTo("/^.*$/ /^(a|b)$/");
  }

  @Test
  void quotesInASingleValueAreEscapedAndAnUnknownNameIsAnError() {
    assertThat(Templates.interpolate("'$run_id'", Map.of(), Map.of("run_id", new Templates.Selection(RUN, List.of("it's"), false))))
        .isEqualTo("'it\\'s'");
    assertThatThrownBy(() -> Templates.interpolate("$nope AND $timeFilter", Map.of("timeFilter", "t"), Map.of()))
        .hasMessageContaining("no value for $nope");
  }
}
