package dev.vigil.flow;

/**
 * What a step sends: nothing, a JSON document from a template, or the flow's random payload (the
 * bytes a read-back later compares).
 */
public record Body(Type type, Template json) {

  public enum Type {
    NONE,
    JSON,
    PAYLOAD
  }

  public static final Body NONE = new Body(Type.NONE, null);
  public static final Body PAYLOAD = new Body(Type.PAYLOAD, null);

  public Body {
    if (type == Type.JSON && json == null) {
      throw new IllegalArgumentException("a JSON body needs its template");
    }
  }

  public static Body json(String template) {
    return new Body(Type.JSON, Template.of(template));
  }

  /** The Content-Type header it goes with, or null. */
  public String contentType() {
    return switch (type) {
      case NONE -> null;
      case JSON -> "application/json";
      case PAYLOAD -> "application/octet-stream";
    };
  }
}
