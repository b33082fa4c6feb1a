package org.ironcds.knowledge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ironcds.knowledge.TestCharts.*;

import java.util.List;
import java.util.Optional;
import org.ironcds.chart.DraftOrder;
import org.ironcds.chart.LabResult;
import org.ironcds.chart.MedicationUse;
import org.ironcds.chart.MedicationUse.Kind;
import org.junit.jupiter.api.Test;

class AntiresorptiveCoTherapyTest {
  private final RuleBook book = new RuleBook(knowledge().valueSets(), knowledge().labSettings(), knowledge().ruleSettings());
  private final AntiresorptiveCoTherapy rule = new AntiresorptiveCoTherapy();

  private Optional<Finding> evaluate(DraftOrder order, List<MedicationUse> meds, List<LabResult> labs) {
    return rule.evaluate(order, book.assess(chart(order, meds, labs), NOW));
  }

  @Test
  void firesAsWarningForFcmWithDenosumabGivenFiveMonthsAgoAndNormalLabs() {
    Optional<Finding> finding = evaluate(draft(FCM_750), List.of(given(PROLIA, daysAgo(150))),
        List.of(lab(PHOSPHATE_MMOL, 1.1, "mmol/L", daysAgo(10)), lab(CALCIUM_MMOL, 2.4, "mmol/L", daysAgo(10))));
    assertThat(finding).get().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.summary()).contains("denosumab");
      assertThat(f.reasons().get(0)).contains("denosumab").contains("2026-06-24").contains("7 months");
    });
  }

  @Test
  void firesForLowerRiskIronToo() {
    assertThat(evaluate(draft(FDI_1000), List.of(given(RECLAST, daysAgo(200))), List.of())).isPresent();
  }

  @Test
  void isCriticalWhenPhosphateWithin90DaysIsBelowLabLowerLimit() {
    Optional<Finding> finding = evaluate(draft(FDI_1000), List.of(given(PROLIA, daysAgo(30))),
        List.of(lab(PHOSPHATE_MG, 2.2, "mg/dL", daysAgo(20), 2.5)));
    assertThat(finding).get().extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
    assertThat(finding.get().reasons()).anyMatch(r -> r.contains("phosphate 0.71 mmol/L") && r.contains("LOW"));
  }

  @Test
  void isCriticalWhenAlbuminCorrectedCalciumIsLow() {
    // 2.02 + 0.02 * (40 - 38) = 2.06 < 2.10 default corrected lower limit
    Optional<Finding> finding = evaluate(draft(FDI_1000), List.of(given(PROLIA, daysAgo(30))),
        List.of(lab(CALCIUM_MMOL, 2.02, "mmol/L", daysAgo(5)), lab(ALBUMIN, 38, "g/L", daysAgo(5))));
    assertThat(finding).get().extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void isCriticalWhenIonizedCalciumIsLow() {
    Optional<Finding> finding = evaluate(draft(FDI_1000), List.of(given(PROLIA, daysAgo(30))),
        List.of(lab(IONIZED, 1.02, "mmol/L", daysAgo(5))));
    assertThat(finding).get().extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void isCriticalForDenosumabWithEgfrBelow30() {
    Optional<Finding> finding = evaluate(draft(FCM_750), List.of(given(PROLIA, daysAgo(60))),
        List.of(lab(EGFR, 24, "mL/min/{1.73_m2}", daysAgo(100))));
    assertThat(finding).get().extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
    assertThat(finding.get().reasons()).anyMatch(r -> r.contains("eGFR 24") && r.contains("below 30"));
  }

  @Test
  void staysWarningForZoledronicAcidWithEgfrBelow30() {
    Optional<Finding> finding = evaluate(draft(FCM_750), List.of(given(RECLAST, daysAgo(60))),
        List.of(lab(EGFR, 24, "mL/min/{1.73_m2}", daysAgo(10))));
    assertThat(finding).get().extracting(Finding::severity).isEqualTo(Severity.WARNING);
  }

  @Test
  void ignoresLowPhosphateOlderThan90Days() {
    Optional<Finding> finding = evaluate(draft(FCM_750), List.of(given(PROLIA, daysAgo(30))),
        List.of(lab(PHOSPHATE_MMOL, 0.5, "mmol/L", daysAgo(120))));
    assertThat(finding).get().extracting(Finding::severity).isEqualTo(Severity.WARNING);
  }

  @Test
  void activeOralBisphosphonateOrderCountsWhateverItsAge() {
    assertThat(evaluate(draft(FCM_750), List.of(med(Kind.REQUEST, ALENDRONATE_70, true, daysAgo(900))), List.of()))
        .isPresent();
  }

  @Test
  void staysSilentWithoutAntiresorptive() {
    assertThat(evaluate(draft(FCM_750), List.of(), List.of())).isEmpty();
  }

  @Test
  void staysSilentForAnabolicTeriparatideOnly() {
    assertThat(evaluate(draft(FCM_750), List.of(med(Kind.REQUEST, TERIPARATIDE, true, daysAgo(10))), List.of()))
        .isEmpty();
  }

  @Test
  void staysSilentWhenDenosumabWasLastGivenEightMonthsAgo() {
    assertThat(evaluate(draft(FCM_750), List.of(given(PROLIA, daysAgo(245))), List.of())).isEmpty();
  }

  @Test
  void staysSilentWhenStoppedOralBisphosphonateOrderIsOlderThanThreeMonths() {
    assertThat(evaluate(draft(FCM_750), List.of(med(Kind.REQUEST, ALENDRONATE_70, false, daysAgo(100))), List.of()))
        .isEmpty();
  }

  @Test
  void staysSilentForOralIronByText() {
    assertThat(evaluate(textDraft("ferrous sulfate 325 mg oral tablet"), List.of(given(PROLIA, daysAgo(30))),
        List.of())).isEmpty();
  }

  @Test
  void matchesUncodedDraftAndAntiresorptiveByBrandText() {
    MedicationUse prolia = new MedicationUse("MedicationStatement/1", Kind.STATEMENT, true, List.of(),
        Optional.of("Prolia 60 mg injection"), List.of(), Optional.empty());
    assertThat(evaluate(textDraft("Injectafer 750 mg IV"), List.of(prolia), List.of())).isPresent();
  }
}
