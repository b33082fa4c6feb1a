package org.ironcds.cdshooks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The hooks this service answers, with their names on the wire. */
public enum Hook {
  ORDER_SIGN("order-sign"),
  ORDER_SELECT("order-select");

  private final String code;

  Hook(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  public static Optional<Hook> fromCode(String code) {
    return Arrays.stream(values()).filter(h -> h.code.equals(code)).findFirst();
  }
}
