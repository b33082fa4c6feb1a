package org.ironcds.knowledge.labs;

/**
 * A lab quantity the rules reason about, with the value set that codes it and the canonical unit
 * every result is converted to before any comparison.
 */
public enum Analyte {
  PHOSPHATE("phosphate", "phosphate", "mmol/L"),
  CALCIUM_TOTAL("calcium-total", "calcium (total)", "mmol/L"),
  CALCIUM_CORRECTED("calcium-corrected", "calcium (albumin-corrected)", "mmol/L"),
  CALCIUM_IONIZED("calcium-ionized", "ionized calcium", "mmol/L"),
  ALBUMIN("albumin", "albumin", "g/L"),
  VITAMIN_D("vitamin-d-25oh", "25-OH vitamin D", "nmol/L"),
  PTH("pth-intact", "intact PTH", "pmol/L"),
  MAGNESIUM("magnesium", "magnesium", "mmol/L"),
  EGFR("egfr", "eGFR", "mL/min/{1.73_m2}"),
  BODY_WEIGHT("body-weight", "body weight", "kg");

  private final String valueSetId;
  private final String display;
  private final String unit;

  Analyte(String valueSetId, String display, String unit) {
    this.valueSetId = valueSetId;
    this.display = display;
    this.unit = unit;
  }

  public String valueSetId() {
    return valueSetId;
  }

  public String display() {
    return display;
  }

  /** The canonical UCUM unit results are converted to. */
  public String unit() {
    return unit;
  }
}
