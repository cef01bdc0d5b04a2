package dev.vigil.health;

import java.util.List;

/**
 * A short create → read → delete flow on one service, as the non-admin user. Every resource's name
 * starts with the run's prefix, so a sweep can find what a killed run left behind.
 */
interface ServiceSmoke {

  String service();

  /** Runs the flow; stops at the first step that fails and leaves the deletes to {@link #cleanUp}. */
  List<Step> run(HealthApi api, String endpoint, String prefix);

  /** Deletes what {@link #run} created and did not delete. Idempotent. */
  void cleanUp(HealthApi api);
}
