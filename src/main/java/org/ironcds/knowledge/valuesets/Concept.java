package org.ironcds.knowledge.valuesets;

import java.util.Objects;

/** One code of a value set, with its display and how well it was verified. */
public record Concept(String system, String code, String display, Verification verification) {
  public Concept {
    Objects.requireNonNull(system, "system == null");
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(display, "display == null");
    Objects.requireNonNull(verification, "verification == null");
  }

  public String token() {
    return system + "|" + code;
  }
}
