package dev.vigil.run;

import dev.vigil.VigilException;
import dev.vigil.result.ServiceVerdict;
import java.util.Locale;

/** The level {@code --require} asks every service to meet; each includes the ones before it. */
public enum Level {
  ROLLING("rolling"),
  ZERO_DOWNTIME("zero-downtime"),
  ZERO_IMPACT("zero-impact");

  private final String label;

  Level(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Level parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Level l : values()) {
      if (l.label.equals(t)) {
        return l;
      }
    }
    throw new VigilException("--require " + text + ": use rolling, zero-downtime or zero-impact");
  }

  /** The verdict's answer at this level: only yes meets it; inconclusive is not met, and not failed either. */
  public ServiceVerdict.Answer metBy(ServiceVerdict.Verdict v) {
    return switch (this) {
      case ROLLING -> v.rolling();
      case ZERO_DOWNTIME -> v.zeroDowntime();
      case ZERO_IMPACT -> v.zeroImpact();
    };
  }
}
