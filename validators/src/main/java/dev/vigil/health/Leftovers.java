package dev.vigil.health;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/** The resources a smoke created and has not deleted yet, as delete URLs, newest first. */
final class Leftovers {

  private final Deque<String> urls = new ArrayDeque<>();

  synchronized void created(String deleteUrl) {
    urls.push(deleteUrl);
  }

  synchronized void deleted(String deleteUrl) {
    urls.remove(deleteUrl);
  }

  /** Deletes each; a 404 means already gone. What still fails stays for the next call (a sweep). */
  synchronized void deleteAll(HealthApi api) {
    for (String url : urls.toArray(String[]::new)) {
      Reply r = api.send("DELETE", url);
      if (r.is(Set.of(200, 202, 204, 404))) {
        urls.remove(url);
      }
    }
  }

  synchronized boolean isEmpty() {
    return urls.isEmpty();
  }
}
