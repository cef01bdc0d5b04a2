package dev.vigil.flow;

/**
 * A read-back judgement on an answer's body: a JSON value equals what was asked for, or the bytes
 * read are the bytes written (compared by MD5, as Gatling's {@code md5()} check does).
 */
public record ResponseCheck(Kind kind, String pointer, Template expected) {

  public enum Kind {
    JSON_EQUALS,
    PAYLOAD_MD5
  }

  public static ResponseCheck jsonEquals(String pointer, String expected) {
    return new ResponseCheck(Kind.JSON_EQUALS, pointer, Template.of(expected));
  }

  public static ResponseCheck payload() {
    return new ResponseCheck(Kind.PAYLOAD_MD5, null, null);
  }
}
