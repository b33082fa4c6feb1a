package org.ironcds.chart;

import java.util.Objects;

/**
 * A measured amount with its unit as the source wrote it: the UCUM code when the source gave one,
 * else the human-readable unit. Units are normalised only by the lab knowledge, never here.
 */
public record Quantity(double value, String unit) {
  public Quantity {
    Objects.requireNonNull(unit, "unit == null");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value is not finite: " + value);
    }
  }
}
