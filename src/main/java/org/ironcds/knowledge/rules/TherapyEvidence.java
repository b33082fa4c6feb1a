package org.ironcds.knowledge.rules;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.ironcds.chart.MedicationUse;

/** Why the patient counts as on an antiresorptive: which record, how recent, active or not. */
public record TherapyEvidence(TherapyClass therapyClass, MedicationUse use) {
  public TherapyEvidence {
    Objects.requireNonNull(therapyClass, "therapyClass == null");
    Objects.requireNonNull(use, "use == null");
  }

  public Optional<Instant> lastDate() {
    return use.lastDate();
  }

  public boolean active() {
    return use.active();
  }
}
