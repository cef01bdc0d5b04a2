package dev.vigil.version;

import dev.vigil.discovery.ApiVersion;
import dev.vigil.discovery.VersionDocument;
import java.util.ArrayList;
import java.util.List;

/** Version documents shaped as each service sends them (see RECIPE §19 for the lab's). */
final class Documents {

  private Documents() {}

  static VersionDocument nova(String max) {
    return new VersionDocument("http://c:8774/", 200,
        List.of(new ApiVersion("v2.0", "SUPPORTED", null, null), new ApiVersion("v2.1", "CURRENT", "2.1", max)), null);
  }

  static VersionDocument cinder(String max) {
    return new VersionDocument("http://c:8776/", 300, List.of(new ApiVersion("v3.0", "CURRENT", "3.0", max)), null);
  }

  static VersionDocument placement(String max) {
    return new VersionDocument("http://c:8778/", 200, List.of(new ApiVersion("v1.0", "CURRENT", "1.0", max)), null);
  }

  /** Glance: the CURRENT version first, then the SUPPORTED ones down to 2.0. */
  static VersionDocument glance(String current) {
    List<ApiVersion> v = new ArrayList<>();
    v.add(new ApiVersion("v" + current, "CURRENT", null, null));
    for (int minor = 13; minor >= 0; minor--) {
      v.add(new ApiVersion("v2." + minor, "SUPPORTED", null, null));
    }
    return new VersionDocument("http://c:9292/", 300, v, null);
  }

  static VersionDocument keystone(String id) {
    return new VersionDocument("http://c:5000/", 300, List.of(new ApiVersion(id, "stable", null, null)), null);
  }

  static VersionDocument swift(String release) {
    return new VersionDocument("http://c:8080/info", 200, List.of(new ApiVersion(release, "CURRENT", null, null)), null);
  }

  static VersionDocument neutron() {
    return new VersionDocument("http://c:9696/", 200, List.of(new ApiVersion("v2.0", "CURRENT", null, null)), null);
  }

  static VersionDocument down(String url) {
    return new VersionDocument(url, 503, List.of(), "HTTP 503");
  }

  /** Readings of every service as the lab (Zed, Debian 12) answers. */
  static List<ReleaseReading> lab() {
    return List.of(
        ReleaseMapping.read("compute", nova("2.93"), null),
        ReleaseMapping.read("block-storage", cinder("3.70"), null),
        ReleaseMapping.read("placement", placement("1.39"), null),
        ReleaseMapping.read("image", glance("2.15"), null),
        ReleaseMapping.read("identity", keystone("v3.14"), null),
        ReleaseMapping.read("object-store", swift("2.30.1"), null),
        ReleaseMapping.read("network", neutron(), List.of("router", "security-group")));
  }
}
