package dev.vigil.version;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each service's version document announces in each release, Zed through 2026.1. Every number
 * was read from the project's code at the release's first final tag (docs/validators.md has the
 * same table):
 *
 * <ul>
 *   <li>Nova, Cinder, Placement, Ironic: ../shared/notes/anchors.md §8 (Nova {@code _MAX_API_VERSION}
 *       in nova/api/openstack/api_version_request.py at 26.0.0–33.0.0; Cinder the same file at
 *       21.0.0–28.0.0; Placement the VERSIONS list of placement/microversion.py, 1.39 since Yoga;
 *       Ironic ironic/common/release_mappings.py). Yoga values (older): Nova 2.90 (Nova's
 *       api-microversion-history "Maximum in Yoga"), Cinder 3.68 (cinder@20.0.0). Master values
 *       (newer): Nova 2.104, Cinder 3.71, Placement 1.39, Ironic 1.115 (anchors.md §8).
 *   <li>Glance: glance/api/versions.py at 25.0.0–32.0.0 (openstack/glance, checked for Vigil): the
 *       CURRENT image API is 2.16 when {@code image_cache_dir} is set and 2.15 when not, Zed through
 *       2024.1 (Yoga, 24.0.0: 2.15 either way); 2.17 from 2024.2 (29.0.0) through 2026.1 (32.0.0)
 *       and on master.
 *   <li>Keystone: keystone/version.py and keystone/api/discovery.py say v3.14 at every tag from
 *       21.0.0 (Yoga) through 29.0.0 (2026.1) and on master: it cannot tell releases apart.
 *   <li>Swift: its own release number (/info), per series in openstack/releases
 *       deliverables/&lt;series&gt;/swift.yaml: 2.29.x yoga, 2.30.x zed, 2.31.x antelope, 2.32.x
 *       bobcat, 2.33.x caracal, 2.34.x dalmatian, 2.35.x epoxy, 2.36.x flamingo, 2.37.x gazpacho,
 *       2.38.x hibiscus (2026.2).
 *   <li>Neutron: its version document says v2.0 in every release; anchors.md has no extension
 *       markers per release, and which extensions a cloud lists depends on the plugins it enables,
 *       so Neutron's answer is always ambiguous.
 * </ul>
 */
public final class ReleaseTable {

  private static final Map<String, Marker> MARKERS = new LinkedHashMap<>();

  static {
    microversions(
        "compute",
        "nova anchors.md §8 (_MAX_API_VERSION, nova 26.0.0–33.0.0)",
        List.of("2.93", "2.95", "2.95", "2.96", "2.96", "2.100", "2.100", "2.103"),
        "2.90",
        "2.104");
    microversions(
        "block-storage",
        "cinder anchors.md §8 (_MAX_API_VERSION, cinder 21.0.0–28.0.0)",
        List.of("3.70", "3.70", "3.70", "3.71", "3.71", "3.71", "3.71", "3.71"),
        "3.68",
        "3.71");
    microversions(
        "placement",
        "placement anchors.md §8 (placement/microversion.py VERSIONS; 1.39 since Yoga 7.0.0)",
        List.of("1.39", "1.39", "1.39", "1.39", "1.39", "1.39", "1.39", "1.39"),
        "1.39",
        "1.39");
    microversions(
        "baremetal",
        "ironic anchors.md §8 (ironic/common/release_mappings.py)",
        List.of("1.80", "1.82", "1.87", "1.90", "1.93", "1.96", "1.101", "1.111"),
        null,
        "1.115");
    Map<Release, Set<String>> glance = new LinkedHashMap<>();
    for (Release r : Release.ALL) {
      glance.put(r, r.order() <= Release.parse("2024.1").order() ? Set.of("2.15", "2.16") : Set.of("2.17"));
    }
    MARKERS.put(
        "image",
        new Marker(
            "image",
            "CURRENT image API",
            glance,
            Set.of("2.15"),
            Set.of("2.17"),
            "glance/api/versions.py at glance 25.0.0–32.0.0 (2.16 only with image_cache_dir set)"));
    MARKERS.put(
        "identity",
        new Marker("identity", "identity API", every("3.14"), Set.of("3.14"), Set.of("3.14"),
            "keystone/version.py at keystone 21.0.0–29.0.0: v3.14 in every release"));
    List<String> swift = List.of("2.30", "2.31", "2.32", "2.33", "2.34", "2.35", "2.36", "2.37");
    Map<Release, Set<String>> perSwift = new LinkedHashMap<>();
    for (Release r : Release.ALL) {
      perSwift.put(r, Set.of(swift.get(r.order())));
    }
    MARKERS.put(
        "object-store",
        new Marker("object-store", "swift release", perSwift, Set.of(), Set.of(),
            "openstack/releases deliverables/<series>/swift.yaml (2.30.x zed … 2.37.x 2026.1)"));
  }

  private ReleaseTable() {}

  /** The marker of a service type, empty for services without one (Neutron, unknown services). */
  public static Optional<Marker> marker(String serviceType) {
    return Optional.ofNullable(MARKERS.get(serviceType));
  }

  /** Every service type with a marker, in the table's order. */
  public static List<String> services() {
    return List.copyOf(MARKERS.keySet());
  }

  private static void microversions(String service, String source, List<String> maxima, String yoga, String master) {
    Map<Release, Set<String>> per = new LinkedHashMap<>();
    for (Release r : Release.ALL) {
      per.put(r, Set.of(maxima.get(r.order())));
    }
    MARKERS.put(
        service,
        new Marker(service, "max microversion", per, yoga == null ? Set.of() : Set.of(yoga), Set.of(master), source));
  }

  private static Map<Release, Set<String>> every(String value) {
    Map<Release, Set<String>> per = new LinkedHashMap<>();
    Release.ALL.forEach(r -> per.put(r, Set.of(value)));
    return per;
  }
}
