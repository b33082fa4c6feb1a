package org.ironcds.knowledge.labs;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

  static {
    // Case-insensitive maps instead of lower-casing every result's unit on every call.
    FACTORS.replaceAll((analyte, factors) -> {
      Map<String, Double> ignoringCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      ignoringCase.putAll(factors);
      return Collections.unmodifiableMap(ignoringCase);
    });
  }

  private UnitConverter() {}

  /** The value in the analyte's canonical unit, or empty when the unit is not one we know. */
  public static Optional<Double> toCanonical(Analyte analyte, Quantity quantity) {
    Double factor = FACTORS.get(analyte).get(quantity.unit().trim());
    return factor == null ? Optional.empty() : Optional.of(quantity.value() * factor);
  }
}
