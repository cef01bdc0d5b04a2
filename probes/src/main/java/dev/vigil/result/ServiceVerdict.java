package dev.vigil.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * What an upgrade run concluded for one service: the release it ran before and after, whether it
 * met each criterion of the former TC upgrade tags, and the evidence behind each answer. Written
 * into {@code result.json} as {@code services.<type>.release}, {@code .verdict} and
 * {@code .verdict_reasons}.
 *
 * @param reasons one line per rule, prefixed with the verdict it decides ({@code rolling: …})
 */
public record ServiceVerdict(Release release, Verdict verdict, List<String> reasons) {

  public ServiceVerdict {
    reasons = List.copyOf(reasons);
  }

  /** The release as read from the service's version documents, e.g. {@code zed} or {@code one of zed … 2024.1}. */
  public record Release(String before, String after) {}

  /**
   * One criterion's answer. {@link #INCONCLUSIVE} when the evidence is missing, partial or stale
   * and nothing measured says no: a verdict is only as good as its evidence, so it never says yes
   * without it.
   */
  public enum Answer {
    YES,
    NO,
    INCONCLUSIVE;

    public static Answer of(boolean met) {
      return met ? YES : NO;
    }

    public boolean yes() {
      return this == YES;
    }

    /** The weaker of two answers: no beats inconclusive beats yes. */
    public Answer and(Answer other) {
      return this == NO || other == NO ? NO : this == INCONCLUSIVE || other == INCONCLUSIVE ? INCONCLUSIVE : YES;
    }

    @JsonValue
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code yes}, {@code no}, {@code inconclusive}, and the booleans of result files before schema v2. */
    @JsonCreator
    public static Answer parse(String text) {
      return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
        case "yes", "true" -> YES;
        case "no", "false" -> NO;
        case "inconclusive" -> INCONCLUSIVE;
        default -> throw new IllegalArgumentException("not a verdict: " + text + " (yes, no or inconclusive)");
      };
    }
  }

  /**
   * The four verdicts; each level includes the one before it (zero-impact requires zero-downtime
   * requires rolling), so a level is never better than the one it rests on.
   */
  public record Verdict(Answer rolling, Answer zeroDowntime, Answer zeroImpact, Answer accessible) {}
}
