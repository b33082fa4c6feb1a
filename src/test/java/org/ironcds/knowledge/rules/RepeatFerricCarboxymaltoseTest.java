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

class RepeatFerricCarboxymaltoseTest {
  private final RuleBook book = new RuleBook(knowledge().valueSets(), knowledge().labSettings(), knowledge().ruleSettings());
  private final RepeatFerricCarboxymaltose rule = new RepeatFerricCarboxymaltose();

  private Optional<Finding> evaluate(DraftOrder order, List<MedicationUse> meds, List<LabResult> labs) {
    return rule.evaluate(order, book.assess(chart(order, meds, labs), NOW));
  }

  @Test
  void firesWhenFcmWasGivenSixWeeksAgoAndNoPhosphateSince() {
    Optional<Finding> finding = evaluate(draft(FCM_750), List.of(given(FCM_750, daysAgo(42))),
        List.of(lab(PHOSPHATE_MMOL, 1.0, "mmol/L", daysAgo(50))));
    assertThat(finding).get().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.reasons().get(0)).contains("2026-10-10").contains("3 months");
    });
  }

  @Test
  void firesWithoutAntiresorptiveForAReportedDose() {
    assertThat(evaluate(draft(FCM_750), List.of(med(Kind.STATEMENT, FCM_750, false, daysAgo(20))), List.of()))
        .isPresent();
  }

  @Test
  void staysSilentWhenPhosphateWasCheckedAfterTheDose() {
    assertThat(evaluate(draft(FCM_750), List.of(given(FCM_750, daysAgo(42))),
        List.of(lab(PHOSPHATE_MMOL, 1.0, "mmol/L", daysAgo(7))))).isEmpty();
  }

  @Test
  void staysSilentWhenLastDoseIsOlderThanThreeMonths() {
    assertThat(evaluate(draft(FCM_750), List.of(given(FCM_750, daysAgo(100))), List.of())).isEmpty();
  }

  @Test
  void staysSilentWhenOnlyAnEarlierOrderExists() {
    assertThat(evaluate(draft(FCM_750), List.of(med(Kind.REQUEST, FCM_750, false, daysAgo(30))), List.of())).isEmpty();
  }

  @Test
  void staysSilentForFerricDerisomaltose() {
    assertThat(evaluate(draft(FDI_1000), List.of(given(FCM_750, daysAgo(42))), List.of())).isEmpty();
  }
}
