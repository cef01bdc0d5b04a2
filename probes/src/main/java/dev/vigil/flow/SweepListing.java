package dev.vigil.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads a sweep's LIST answer: which of the listed resources a run left behind. */
final class SweepListing {

  private SweepListing() {}

  /**
   * The ids of the items whose name starts with {@code prefix}; none when the answer is not JSON.
   * An item without an id is passed over: there is nothing to delete it by.
   */
  static List<String> ids(Resource.Sweep sweep, byte[] body, String prefix) {
    List<String> ids = new ArrayList<>();
    JsonNode doc = JsonBody.parse(body);
    if (doc == null) {
      return ids;
    }
    JsonNode items = sweep.arrayPointer().isEmpty() ? doc : doc.at(sweep.arrayPointer());
    for (JsonNode item : items) {
      String name = item.path(sweep.nameField()).asText("");
      String id = item.path(sweep.idField()).asText("");
      if (name.startsWith(prefix) && !id.isEmpty()) {
        ids.add(id);
      }
    }
    return ids;
  }
}
