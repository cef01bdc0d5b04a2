package dev.vigil.resources;

import dev.vigil.VigilException;
import java.time.Duration;

/**
 * What {@code before} creates, and how long it waits.
 *
 * @param flavor flavor name or id for the server
 * @param image image name or id the server boots from
 * @param volumeGb size of the volume
 * @param imageBytes size of the uploaded image (random bytes)
 * @param objects how many Swift objects
 * @param objectBytes size of each object
 * @param cidr the subnet's range (a project network: overlaps with other projects do not matter)
 * @param serverTimeout how long a server may take to become ACTIVE (and to go when deleted)
 * @param volumeTimeout how long a volume may take to become available or in-use
 * @param patience how long calls are retried while a service is restarting
 */
public record ResourcePlan(
    String flavor,
    String image,
    int volumeGb,
    int imageBytes,
    int objects,
    int objectBytes,
    String cidr,
    Duration serverTimeout,
    Duration volumeTimeout,
    Duration patience) {

  /** The lab's smallest flavor and its CirrOS-like image; other clouds pass their own. */
  public static ResourcePlan defaults() {
    return new ResourcePlan("m1.nano", "tiny", 1, 256 * 1024, 3, 64 * 1024, "10.254.0.0/24", Duration.ofMinutes(5), Duration.ofMinutes(3),
        Duration.ofSeconds(120));
  }

  public ResourcePlan {
    if (volumeGb < 1) {
      throw new VigilException("volume size " + volumeGb + " GB is too small: use 1 or more");
    }
    if (objects < 1 || objects > 100) {
      throw new VigilException("object count " + objects + " is out of range: use 1 to 100");
    }
    if (imageBytes < 1 || objectBytes < 1) {
      throw new VigilException("image and object sizes must be at least 1 byte");
    }
  }

  public ResourcePlan withFlavor(String f) {
    return new ResourcePlan(f, image, volumeGb, imageBytes, objects, objectBytes, cidr, serverTimeout, volumeTimeout, patience);
  }

  public ResourcePlan withImage(String i) {
    return new ResourcePlan(flavor, i, volumeGb, imageBytes, objects, objectBytes, cidr, serverTimeout, volumeTimeout, patience);
  }

  public ResourcePlan withVolumeGb(int gb) {
    return new ResourcePlan(flavor, image, gb, imageBytes, objects, objectBytes, cidr, serverTimeout, volumeTimeout, patience);
  }
}
