package dev.vigil.result;

import java.util.List;

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

  /** The four verdicts; each level includes the one before it (zero-impact implies zero-downtime implies rolling). */
  public record Verdict(boolean rolling, boolean zeroDowntime, boolean zeroImpact, boolean accessible) {}
}
