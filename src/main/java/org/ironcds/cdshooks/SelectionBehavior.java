package org.ironcds.cdshooks;

import com.fasterxml.jackson.annotation.JsonValue;

/** How many of a card's suggestions the user may apply: {@code at-most-one} or {@code any}. */
public enum SelectionBehavior {
  AT_MOST_ONE("at-most-one"),
  ANY("any");

  private final String code;

  SelectionBehavior(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
