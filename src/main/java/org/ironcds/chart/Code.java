package org.ironcds.chart;

import java.util.Objects;
import java.util.Optional;

/** A coded concept: terminology system, code and, when the source gave one, a display. */
public record Code(String system, String code, Optional<String> display) {
  public Code {
    Objects.requireNonNull(system, "system == null");
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(display, "display == null");
  }

  public static Code of(String system, String code) {
    return new Code(system, code, Optional.empty());
  }

  /** The FHIR search token form, {@code system|code}, used as the key of every value-set lookup. */
  public String token() {
    return system + "|" + code;
  }
}
