package org.ironcds.knowledge.labs;

/**
 * Payne's albumin correction of total calcium, SI form: corrected Ca (mmol/L) = measured Ca
 * (mmol/L) + 0.02 x (40 - albumin g/L). Payne RB et al., BMJ 1973, as given in the clinical
 * reference section 4.5. Ionized calcium remains the reference measurement; the formula is a
 * screening aid and is unreliable in critical illness.
 */
public final class AlbuminCorrection {
  static final double REFERENCE_ALBUMIN_G_PER_L = 40.0;
  static final double MMOL_PER_G = 0.02;

  private AlbuminCorrection() {}

  public static double correctedCalcium(double totalCalciumMmolPerL, double albuminGPerL) {
    return totalCalciumMmolPerL + MMOL_PER_G * (REFERENCE_ALBUMIN_G_PER_L - albuminGPerL);
  }
}
