package org.ironcds.knowledge.labs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.ironcds.chart.LabResult;

/**
 * One interpreted result: the value in the analyte's canonical unit, its lower limit (the lab's own
 * when it sent one, else the configured default) and, for corrected calcium, how it was derived.
 */
public record LabValue(
    Analyte analyte,
    LabResult result,
    double value,
    double lowerLimit,
    boolean labLowerLimit,
    Optional<String> derivation) {

  public LabValue {
    Objects.requireNonNull(analyte, "analyte == null");
    Objects.requireNonNull(result, "result == null");
    Objects.requireNonNull(derivation, "derivation == null");
  }

  public Instant when() {
    return result.effective();
  }

  public Duration age(Instant now) {
    return Duration.between(when(), now);
  }

  public boolean low() {
    return value < lowerLimit;
  }

  public String unit() {
    return analyte.unit();
  }
}
