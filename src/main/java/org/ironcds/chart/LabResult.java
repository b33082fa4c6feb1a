package org.ironcds.chart;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One final or preliminary numeric observation. Cancelled, entered-in-error and value-less
 * observations never become a LabResult. {@code referenceLow} is the lab's own lower limit when it
 * sent one, in the lab's unit.
 */
public record LabResult(
    String reference, List<Code> codes, Quantity value, Instant effective, Optional<Quantity> referenceLow) {
  public LabResult {
    Objects.requireNonNull(reference, "reference == null");
    codes = List.copyOf(codes);
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(effective, "effective == null");
    Objects.requireNonNull(referenceLow, "referenceLow == null");
  }
}
