package org.ironcds.cdshooks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** What the clinician did with a card, as reported through feedback. */
public enum Outcome {
  ACCEPTED("accepted"),
  OVERRIDDEN("overridden");

  private final String code;

  Outcome(String code) {
    this.code = code;
  }

  /** The wire value, e.g. {@code accepted}. */
  @JsonValue
  public String code() {
    return code;
  }

  /** The outcome whose wire value is exactly {@code code}, or empty. */
  public static Optional<Outcome> fromCode(String code) {
    for (Outcome outcome : values()) {
      if (outcome.code.equals(code)) {
        return Optional.of(outcome);
      }
    }
    return Optional.empty();
  }
}
