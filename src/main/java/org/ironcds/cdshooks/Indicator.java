package org.ironcds.cdshooks;

import com.fasterxml.jackson.annotation.JsonValue;

/** Urgency of a card, in increasing order: {@code info}, {@code warning}, {@code critical}. */
public enum Indicator {
  INFO("info"),
  WARNING("warning"),
  CRITICAL("critical");

  private final String code;

  Indicator(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
