package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Md5Test {

  @Test
  void isLowerCaseHexAsServicesReportIt() {
    // RFC 1321's test suite
    assertThat(Md5.hex(new byte[0])).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(Md5.hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
  }

  @Test
  void aPayloadCarriesTheMd5OfItsOwnBytes() {
    Payload p = Payload.random(1024);
    assertThat(p.bytes()).hasSize(1024);
    assertThat(p.md5()).isEqualTo(Md5.hex(p.bytes()));
    assertThat(Payload.random(1024).md5()).as("random for each flow").isNotEqualTo(p.md5());
  }
}
