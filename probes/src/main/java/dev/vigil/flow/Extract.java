package dev.vigil.flow;

/**
 * Takes a value from a successful answer into a flow variable: a JSON pointer ({@code /server/id}),
 * the first element of an array whose field matches a value (a flavor by name), or a template (an
 * object store's object id is the name Vigil gave it).
 *
 * @param var the variable it sets
 * @param kind how the value is found
 * @param pointer JSON pointer of the value (POINTER), or of the array (FIND)
 * @param matchField FIND: the field compared with {@code match}
 * @param match FIND: the value wanted; TEMPLATE: the value itself
 * @param takeField FIND: the field taken from the matching element
 */
public record Extract(String var, Kind kind, String pointer, String matchField, Template match, String takeField) {

  public enum Kind {
    POINTER,
    FIND,
    TEMPLATE
  }

  public static Extract pointer(String var, String pointer) {
    return new Extract(var, Kind.POINTER, pointer, null, null, null);
  }

  public static Extract find(String var, String arrayPointer, String matchField, String match, String takeField) {
    return new Extract(var, Kind.FIND, arrayPointer, matchField, Template.of(match), takeField);
  }

  public static Extract template(String var, String template) {
    return new Extract(var, Kind.TEMPLATE, null, null, Template.of(template), null);
  }

  /** For error messages: where the value was looked for. */
  String describe() {
    return switch (kind) {
      case POINTER -> pointer;
      case FIND -> pointer + "[" + matchField + "=" + match + "]/" + takeField;
      case TEMPLATE -> match.toString();
    };
  }
}
