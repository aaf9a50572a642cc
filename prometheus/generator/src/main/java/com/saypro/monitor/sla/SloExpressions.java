package com.saypro.monitor.sla;

import com.saypro.monitor.sla.SlaSpec.Kind;
import com.saypro.monitor.sla.SlaSpec.Slo;

/**
 * The PromQL of an SLO's error ratio over a window. Errors and totals are event counts (counter
 * rates); the denominator is filtered with {@code > 0}, so zero traffic gives no ratio at all
 * rather than a division by zero, and missing error series count as zero errors.
 */
final class SloExpressions {
  private SloExpressions() {}

  static String errorRatio(Slo slo, String window) {
    if (slo.kind() == Kind.AVAILABILITY) {
      return "(sum(rate(" + slo.errors() + "[" + window + "])) or vector(0))\n/\n"
          + "(sum(rate(" + slo.total() + "[" + window + "])) > 0)";
    }
    String count = "sum(rate(" + series(slo, "_count", null) + "[" + window + "]))";
    String good = "(sum(rate(" + series(slo, "_bucket", slo.threshold()) + "[" + window + "])) or vector(0))";
    return "(" + count + " - " + good + ")\n/\n(" + count + " > 0)";
  }

  /** {@code histogram_count{selector}} or {@code histogram_bucket{selector,le="0.1"}}. */
  static String series(Slo slo, String suffix, Double le) {
    StringBuilder matchers = new StringBuilder(slo.selector());
    if (le != null) {
      matchers.append(matchers.length() == 0 ? "" : ",").append("le=\"").append(Numbers.le(le)).append('"');
    }
    String name = slo.histogram() + suffix;
    return matchers.length() == 0 ? name : name + "{" + matchers + "}";
  }

  /** The name of the recording rule holding the error ratio over a window. */
  static String ratioRule(String window) {
    return "slo:sli_error:ratio_rate" + window;
  }
}
