package org.ironcds.chart;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One medication the patient has been ordered, reported taking or been given, as recorded (not yet
 * classified). {@code lastDate} is the latest of the record's dates (authoring, effective or
 * administration time), which the rules compare with a drug's effect window.
 */
public record MedicationUse(
    String reference,
    Kind kind,
    boolean active,
    List<Code> codes,
    Optional<String> text,
    List<Code> routes,
    Optional<Instant> lastDate) {

  /** The FHIR resource the use came from. */
  public enum Kind {
    REQUEST,
    STATEMENT,
    ADMINISTRATION
  }

  public MedicationUse {
    Objects.requireNonNull(reference, "reference == null");
    Objects.requireNonNull(kind, "kind == null");
    codes = List.copyOf(codes);
    Objects.requireNonNull(text, "text == null");
    routes = List.copyOf(routes);
    Objects.requireNonNull(lastDate, "lastDate == null");
  }
}
