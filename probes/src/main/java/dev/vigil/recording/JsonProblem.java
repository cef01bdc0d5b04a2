package dev.vigil.recording;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.stream.Collectors;

/**
 * What is wrong with a JSON file Vigil wrote and reads back (plan.json, persistent-resources.json),
 * in a few words with its line and column: Jackson's own message spans lines and names Java
 * classes, which is neither one line nor the user's business.
 */
public final class JsonProblem {

  private JsonProblem() {}

  /** e.g. {@code field cloud is missing or of the wrong kind at line 1, column 24}. */
  public static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (!(e instanceof JsonProcessingException json)) {
      return firstLine(e.getMessage());
    }
    String what;
    if (json instanceof JsonMappingException mapping) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      what = field.isEmpty() ? "not the shape Vigil writes (a field is missing, or the whole is not an object)"
          : "field " + field + " is missing or of the wrong kind";
    } else {
      what = firstLine(json.getOriginalMessage());
    }
    JsonLocation at = json.getLocation();
    return at == null || at.getLineNr() < 1 ? what : what + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
