package dev.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlJoinTest {

  @Test
  void putsExactlyOneSlashBetweenEndpointAndPath() {
    assertThat(UrlJoin.join("http://h/compute/v2.1", "servers")).isEqualTo("http://h/compute/v2.1/servers");
    assertThat(UrlJoin.join("http://h/compute/v2.1/", "servers")).isEqualTo("http://h/compute/v2.1/servers");
    assertThat(UrlJoin.join("http://h/compute/v2.1", "/servers")).isEqualTo("http://h/compute/v2.1/servers");
    assertThat(UrlJoin.join("http://h/compute/v2.1/", "/servers")).isEqualTo("http://h/compute/v2.1/servers");
  }

  @Test
  void anEmptyPathIsTheEndpointAsItStands() {
    assertThat(UrlJoin.join("http://h/image", "")).isEqualTo("http://h/image");
    assertThat(UrlJoin.join("http://h/image/", "")).isEqualTo("http://h/image/");
  }

  @Test
  void keepsTheRestOfThePathAndItsQuery() {
    assertThat(UrlJoin.join("http://h:9292", "v2/images?name=vigil-1&limit=5")).isEqualTo("http://h:9292/v2/images?name=vigil-1&limit=5");
    // Only the one slash that joins is dropped: the rest of the path is the step's to say.
    assertThat(UrlJoin.join("http://h/object/v1/AUTH_p", "//c/o")).isEqualTo("http://h/object/v1/AUTH_p//c/o");
  }
}
