package org.ironcds.cdshooks;

import java.util.Objects;
import java.util.Optional;

/**
 * A CDS Hooks Coding: {@code system} and {@code code}, with {@code display} required when the
 * coding is an override reason.
 */
public record Coding(String system, String code, Optional<String> display) {
  public Coding {
    requireText(system, "system");
    requireText(code, "code");
    Objects.requireNonNull(display, "display == null");
  }

  public static Coding of(String system, String code, String display) {
    return new Coding(system, code, Optional.of(display));
  }

  static String requireText(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }
}
