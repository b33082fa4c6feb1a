package org.ironcds.knowledge.rules;

import java.time.Period;
import java.util.Objects;

/**
 * A kind of antiresorptive drug: the value set that codes it and its effect window, the time after
 * the last dose (or order, or effective date) during which the patient still counts as on therapy.
 */
public record TherapyClass(String id, String display, String valueSetId, Period effectWindow, String source) {
  public TherapyClass {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(display, "display == null");
    Objects.requireNonNull(valueSetId, "valueSetId == null");
    Objects.requireNonNull(effectWindow, "effectWindow == null");
    Objects.requireNonNull(source, "source == null");
  }
}
