package dev.vigil.flow;

/**
 * What a flow needs to know about the cloud that the catalog does not say.
 *
 * @param image the image a server boots from, found by name when a window starts
 * @param flavor the flavor a server boots with, found by name
 * @param network the network a server boots on, found by name; null boots with {@code networks:
 *     none} (microversion 2.37), which needs no network at all
 * @param payloadBytes how many random bytes the image and object-store flows upload and read back
 */
public record FlowOptions(String image, String flavor, String network, int payloadBytes) {

  public static final String DEFAULT_IMAGE = "tiny";
  public static final String DEFAULT_FLAVOR = "m1.nano";
  public static final int DEFAULT_PAYLOAD = 4096;

  public FlowOptions {
    image = blankToNull(image);
    flavor = blankToNull(flavor);
    network = blankToNull(network);
    image = image == null ? DEFAULT_IMAGE : image;
    flavor = flavor == null ? DEFAULT_FLAVOR : flavor;
    if (payloadBytes <= 0) {
      payloadBytes = DEFAULT_PAYLOAD;
    }
  }

  public static FlowOptions defaults() {
    return new FlowOptions(null, null, null, 0);
  }

  /** The options as window variables. */
  public java.util.Map<String, String> vars() {
    java.util.Map<String, String> vars = new java.util.LinkedHashMap<>();
    vars.put("flow_image", image);
    vars.put("flow_flavor", flavor);
    if (network != null) {
      vars.put("flow_network", network);
    }
    return vars;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
