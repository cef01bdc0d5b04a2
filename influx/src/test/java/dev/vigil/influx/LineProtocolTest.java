package dev.vigil.influx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineProtocolTest {

  @Test
  void escapesSpacesCommasAndEqualsInTagsAndKeys() {
    String line = new LineProtocol("vigil request,x").tag("service", "object store,eu=1").tag("a b", "c=d")
        .field("latency ms", 1.5).line(7);
    assertThat(line).isEqualTo("vigil\\ request\\,x,a\\ b=c\\=d,service=object\\ store\\,eu\\=1 latency\\ ms=1.5 7");
  }

  @Test
  void escapesQuotesAndBackslashesInStringFieldsAndFlattensLineBreaks() {
    String line = new LineProtocol("m").tag("t", "v").field("text", "say \"hi\" C:\\path\nnext").line(1);
    assertThat(line).isEqualTo("m,t=v text=\"say \\\"hi\\\" C:\\\\path next\" 1");
  }

  @Test
  void typesFieldsAsInfluxReadsThemAndSortsTags() {
    String line = new LineProtocol("m").tag("z", "1").tag("a", "2").tag("empty", "").field("f", 2.0).field("i", 200L)
        .field("b", true).field("absent", (String) null).line(1_000_000L);
    assertThat(line).isEqualTo("m,a=2,z=1 f=2.0,i=200i,b=true 1000000");
  }
}
