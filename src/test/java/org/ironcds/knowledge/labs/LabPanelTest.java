package org.ironcds.knowledge.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ironcds.knowledge.TestCharts.*;

import java.time.Duration;
import java.util.List;
import org.ironcds.chart.LabResult;
import org.junit.jupiter.api.Test;

class LabPanelTest {
  private static LabPanel panel(List<LabResult> labs) {
    return LabPanel.of(chart(draft(FCM_750), List.of(), labs), knowledge().valueSets(), knowledge().labSettings());
  }

  @Test
  void paynesFormulaCorrectsCalciumForLowAlbumin() {
    assertThat(AlbuminCorrection.correctedCalcium(2.10, 30)).isCloseTo(2.30, within(1e-9));
    assertThat(AlbuminCorrection.correctedCalcium(2.40, 45)).isCloseTo(2.30, within(1e-9));
  }

  @Test
  void totalCalciumInMgPerDlIsCorrectedWithSameDayAlbuminInGPerDl() {
    // 8.0 mg/dL = 1.996 mmol/L; albumin 2.5 g/dL = 25 g/L; corrected = 1.996 + 0.3 = 2.296
    LabValue calcium = panel(List.of(lab(CALCIUM_MG, 8.0, "mg/dL", daysAgo(3)),
        lab(ALBUMIN, 2.5, "g/dL", daysAgo(3).plusSeconds(600)))).calciumSince(daysAgo(90)).orElseThrow();
    assertThat(calcium.analyte()).isEqualTo(Analyte.CALCIUM_CORRECTED);
    assertThat(calcium.value()).isCloseTo(2.296, within(0.001));
    assertThat(calcium.low()).isFalse();
    assertThat(calcium.derivation()).get().asString().contains("Payne");
  }

  @Test
  void totalCalciumStaysUncorrectedWhenAlbuminIsFromAnotherDay() {
    LabValue calcium = panel(List.of(lab(CALCIUM_MMOL, 2.15, "mmol/L", daysAgo(3)),
        lab(ALBUMIN, 25, "g/L", daysAgo(6)))).calciumSince(daysAgo(90)).orElseThrow();
    assertThat(calcium.analyte()).isEqualTo(Analyte.CALCIUM_TOTAL);
    assertThat(calcium.low()).isTrue(); // below the default total lower limit 2.20
  }

  @Test
  void labsOwnLowerLimitWinsOverTheDefault() {
    LabValue phosphate = panel(List.of(lab(PHOSPHATE_MG, 2.4, "mg/dL", daysAgo(1), 2.3)))
        .latest(Analyte.PHOSPHATE).orElseThrow();
    assertThat(phosphate.lowerLimit()).isCloseTo(0.743, within(0.001));
    assertThat(phosphate.labLowerLimit()).isTrue();
    assertThat(phosphate.low()).isFalse();
  }

  @Test
  void defaultLowerLimitAppliesWithoutReferenceRange() {
    LabValue phosphate = panel(List.of(lab(PHOSPHATE_MMOL, 0.79, "mmol/L", daysAgo(1)))).latest(Analyte.PHOSPHATE)
        .orElseThrow();
    assertThat(phosphate.lowerLimit()).isEqualTo(0.80);
    assertThat(phosphate.low()).isTrue();
  }

  @Test
  void latestResultPerAnalyteAndItsAge() {
    LabPanel panel = panel(List.of(lab(PHOSPHATE_MMOL, 0.7, "mmol/L", daysAgo(30)),
        lab(PHOSPHATE_MG, 3.1, "mg/dL", daysAgo(4)), lab(PHOSPHATE_MMOL, 1.2, "mmol/L", daysAgo(60))));
    LabValue latest = panel.latest(Analyte.PHOSPHATE).orElseThrow();
    assertThat(latest.value()).isCloseTo(1.001, within(0.001));
    assertThat(latest.age(NOW)).isEqualTo(Duration.ofDays(4));
    assertThat(panel.latestSince(Analyte.PHOSPHATE, daysAgo(2))).isEmpty();
  }

  @Test
  void resultWithUnknownUnitIsIgnored() {
    assertThat(panel(List.of(lab(PHOSPHATE_MMOL, 3, "furlongs", daysAgo(1)))).latest(Analyte.PHOSPHATE)).isEmpty();
  }
}
