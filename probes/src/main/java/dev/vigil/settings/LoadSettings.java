package dev.vigil.settings;

import java.util.Objects;

/**
 * {@code load:} optional background traffic, to see how the upgrade behaves under load.
 *
 * @param rate requests per second in total [0: no load]
 * @param model open: requests arrive at {@code rate} whatever the cloud does (a slow cloud then
 *     piles up work, as real users would); closed: each client waits for its answer before sending
 *     the next, so a slow cloud receives less [open]
 * @param writes whether the load may create and delete resources, not just read [false]
 */
public record LoadSettings(Rate rate, Model model, boolean writes) {

  public enum Model {
    OPEN,
    CLOSED
  }

  public LoadSettings {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(model, "model");
  }

  public static LoadSettings defaults() {
    return new LoadSettings(Rate.off(), Model.OPEN, false);
  }

  public boolean enabled() {
    return !rate.isOff();
  }
}
