package org.ironcds.knowledge.labs;

import java.time.Period;
import java.util.Map;
import java.util.Objects;

/**
 * Lab knowledge that hospital IT may change: how far back results count, and the default lower
 * limit per analyte (canonical unit) used when a result carries no reference range of its own.
 */
public record LabSettings(Period lookback, Map<Analyte, Double> defaultLowerLimits) {
  public LabSettings {
    Objects.requireNonNull(lookback, "lookback == null");
    defaultLowerLimits = Map.copyOf(defaultLowerLimits);
  }

  public double defaultLowerLimit(Analyte analyte) {
    Double limit = defaultLowerLimits.get(analyte);
    return limit == null ? Double.NEGATIVE_INFINITY : limit;
  }
}
