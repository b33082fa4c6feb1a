package org.ironcds.knowledge.labs;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ironcds.chart.Quantity;

/**
 * Converts a result to its analyte's canonical unit. Factors are the SI conversion table of the
 * clinical reference (section 4.2): phosphate mg/dL x 0.3229 (P 30.97 g/mol), calcium mg/dL x
 * 0.2495 (Ca 40.08 g/mol), magnesium mg/dL x 0.4114 and mEq/L x 0.5, albumin g/dL x 10, 25-OH
 * vitamin D ng/mL x 2.496, intact PTH pg/mL x 0.106. Units are matched case-insensitively because
 * labs write {@code mg/dl} as often as UCUM's {@code mg/dL}; an unknown unit gives no value rather
 * than a wrong one.
 */
public final class UnitConverter {
  private static final Map<Analyte, Map<String, Double>> FACTORS = new EnumMap<>(Analyte.class);

  static {
    Map<String, Double> calcium = Map.of("mmol/l", 1.0, "mg/dl", 0.2495, "mg/l", 0.02495);
    FACTORS.put(Analyte.PHOSPHATE, Map.of("mmol/l", 1.0, "mg/dl", 0.3229, "mg/l", 0.03229));
    FACTORS.put(Analyte.CALCIUM_TOTAL, calcium);
    FACTORS.put(Analyte.CALCIUM_CORRECTED, calcium);
    FACTORS.put(Analyte.CALCIUM_IONIZED, calcium);
    FACTORS.put(Analyte.ALBUMIN, Map.of("g/l", 1.0, "g/dl", 10.0));
    FACTORS.put(Analyte.VITAMIN_D, Map.of("nmol/l", 1.0, "ng/ml", 2.496, "ug/l", 2.496, "µg/l", 2.496));
    FACTORS.put(Analyte.PTH, Map.of("pmol/l", 1.0, "pg/ml", 0.106, "ng/l", 0.106));
    FACTORS.put(Analyte.MAGNESIUM, Map.of("mmol/l", 1.0, "mg/dl", 0.4114, "meq/l", 0.5));
    FACTORS.put(Analyte.EGFR, Map.of("ml/min/{1.73_m2}", 1.0, "ml/min/1.73m2", 1.0,
        "ml/min/1.73 m2", 1.0, "ml/min/1.73_m2", 1.0, "ml/min", 1.0));
    FACTORS.put(Analyte.BODY_WEIGHT, Map.of("kg", 1.0, "g", 0.001, "[lb_av]", 0.45359237, "lb", 0.45359237));
  }

  /** One unit of an analyte and its factor to the canonical unit. */
  private record Factor(String unit, double factor) {}

  /**
   * The factors as short lists, searched ignoring case. Why not a case-insensitive TreeMap: an
   * analyte has two to five units, and comparing each unit's length first rules most of them out,
   * where the tree compared every unit letter by letter in both cases (about 3 % of the in-process CPU profile).
   */
  private static final Map<Analyte, List<Factor>> BY_UNIT = new EnumMap<>(Analyte.class);

  static {
    FACTORS.forEach((analyte, factors) -> BY_UNIT.put(analyte,
        factors.entrySet().stream().map(e -> new Factor(e.getKey(), e.getValue())).toList()));
  }

  private UnitConverter() {}

  /** The value in the analyte's canonical unit, or empty when the unit is not one we know. */
  public static Optional<Double> toCanonical(Analyte analyte, Quantity quantity) {
    String unit = quantity.unit().trim();
    for (Factor factor : BY_UNIT.get(analyte)) {
      if (factor.unit().equalsIgnoreCase(unit)) {
        return Optional.of(quantity.value() * factor.factor());
      }
    }
    return Optional.empty();
  }
}
