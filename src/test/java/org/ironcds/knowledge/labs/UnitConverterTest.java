package org.ironcds.knowledge.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ironcds.chart.Quantity;
import org.junit.jupiter.api.Test;

class UnitConverterTest {
  private static double convert(Analyte analyte, double value, String unit) {
    return UnitConverter.toCanonical(analyte, new Quantity(value, unit)).orElseThrow();
  }

  @Test
  void phosphateInMgPerDlIsConvertedToMmolPerL() {
    assertThat(convert(Analyte.PHOSPHATE, 2.5, "mg/dL")).isCloseTo(0.807, within(0.001));
    assertThat(convert(Analyte.PHOSPHATE, 0.9, "mmol/L")).isEqualTo(0.9);
  }

  @Test
  void unitsMatchWhateverTheirCaseAndSurroundingSpaces() {
    assertThat(convert(Analyte.PHOSPHATE, 2.5, " MG/DL ")).isCloseTo(0.807, within(0.001));
    assertThat(convert(Analyte.VITAMIN_D, 20, "µg/L")).isCloseTo(49.92, within(0.001));
    assertThat(UnitConverter.toCanonical(Analyte.PHOSPHATE, new Quantity(2.5, "mg/d L"))).isEmpty();
  }

  @Test
  void calciumInMgPerDlIsConvertedToMmolPerL() {
    assertThat(convert(Analyte.CALCIUM_TOTAL, 8.8, "mg/dL")).isCloseTo(2.196, within(0.001));
    assertThat(convert(Analyte.CALCIUM_IONIZED, 4.4, "mg/dl")).isCloseTo(1.098, within(0.001));
    assertThat(convert(Analyte.CALCIUM_CORRECTED, 2.3, "mmol/L")).isEqualTo(2.3);
  }

  @Test
  void magnesiumInMgPerDlAndMeqPerLIsConvertedToMmolPerL() {
    assertThat(convert(Analyte.MAGNESIUM, 1.7, "mg/dL")).isCloseTo(0.699, within(0.001));
    assertThat(convert(Analyte.MAGNESIUM, 1.6, "meq/L")).isCloseTo(0.8, within(0.001));
  }

  @Test
  void albuminInGPerDlIsConvertedToGPerL() {
    assertThat(convert(Analyte.ALBUMIN, 3.5, "g/dL")).isCloseTo(35.0, within(0.001));
    assertThat(convert(Analyte.ALBUMIN, 41, "g/L")).isEqualTo(41.0);
  }

  @Test
  void vitaminDInNgPerMlIsConvertedToNmolPerL() {
    assertThat(convert(Analyte.VITAMIN_D, 20, "ng/mL")).isCloseTo(49.92, within(0.01));
    assertThat(convert(Analyte.VITAMIN_D, 75, "nmol/L")).isEqualTo(75.0);
  }

  @Test
  void pthInPgPerMlAndNgPerLIsConvertedToPmolPerL() {
    assertThat(convert(Analyte.PTH, 65, "pg/mL")).isCloseTo(6.89, within(0.01));
    assertThat(convert(Analyte.PTH, 65, "ng/L")).isCloseTo(6.89, within(0.01));
  }

  @Test
  void egfrAndBodyWeightKeepTheirUnits() {
    assertThat(convert(Analyte.EGFR, 28, "mL/min/{1.73_m2}")).isEqualTo(28.0);
    assertThat(convert(Analyte.BODY_WEIGHT, 100, "[lb_av]")).isCloseTo(45.36, within(0.01));
  }

  @Test
  void unknownUnitGivesNoValueRatherThanAWrongOne() {
    assertThat(UnitConverter.toCanonical(Analyte.PHOSPHATE, new Quantity(1, "mEq/L"))).isEmpty();
  }
}
