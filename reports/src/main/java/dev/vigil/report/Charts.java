package dev.vigil.report;

import dev.vigil.result.WindowResult;
import java.util.List;

/** What the charts of one page share: the width, the plot's left edge and the phases' colours. */
final class Charts {

  static final int WIDTH = 960;
  /** Room for the lane and axis labels. */
  static final int LEFT = 130;
  static final int RIGHT = 16;

  private Charts() {}

  static TimeScale scale(WindowResult window) {
    return new TimeScale(window.window().start().toEpochMilli(), window.window().end().toEpochMilli(), LEFT, WIDTH - LEFT - RIGHT);
  }

  /** The CSS class of a phase's band: the three phases of a run have their own colour, others share one. */
  static String phaseClass(String name) {
    return switch (name) {
      case "before", "during", "after" -> "phase-" + name;
      default -> "phase-other";
    };
  }

  /** Pale bands for the phases, from {@code top} down {@code height}. */
  static void phaseBands(StringBuilder svg, List<WindowResult.PhaseSpan> phases, TimeScale scale, double top, double height) {
    for (WindowResult.PhaseSpan p : phases) {
      double x1 = scale.x(p.start().toEpochMilli());
      double x2 = scale.x(p.end().toEpochMilli());
      svg.append("<rect class=\"band ").append(phaseClass(p.name())).append("\" x=\"").append(Html.num(x1)).append("\" y=\"")
          .append(Html.num(top)).append("\" width=\"").append(Html.num(Math.max(0, x2 - x1))).append("\" height=\"")
          .append(Html.num(height)).append("\"/>");
    }
  }

  /** Vertical grid lines and offset labels under {@code bottom}. */
  static void timeAxis(StringBuilder svg, TimeScale scale, double top, double bottom) {
    long tick = scale.tickMs(10);
    for (long t = 0; t <= scale.endMs() - scale.startMs(); t += tick) {
      double x = scale.x(scale.startMs() + t);
      svg.append("<line class=\"grid\" x1=\"").append(Html.num(x)).append("\" x2=\"").append(Html.num(x)).append("\" y1=\"")
          .append(Html.num(top)).append("\" y2=\"").append(Html.num(bottom)).append("\"/>");
      svg.append("<text class=\"tick\" x=\"").append(Html.num(x)).append("\" y=\"").append(Html.num(bottom + 13))
          .append("\" text-anchor=\"middle\">").append(Html.offset(t)).append("</text>");
    }
  }

  static void label(StringBuilder svg, String text, double y) {
    svg.append("<text class=\"lane\" x=\"").append(LEFT - 8).append("\" y=\"").append(Html.num(y))
        .append("\" text-anchor=\"end\">").append(Html.esc(text)).append("</text>");
  }

  static void title(StringBuilder svg, String text) {
    svg.append("<title>").append(Html.esc(text)).append("</title>");
  }
}
