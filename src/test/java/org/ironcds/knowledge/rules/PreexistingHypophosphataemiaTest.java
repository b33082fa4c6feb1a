package org.ironcds.knowledge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ironcds.knowledge.TestCharts.*;

import java.util.List;
import java.util.Optional;
import org.ironcds.chart.DraftOrder;
import org.ironcds.chart.LabResult;
import org.junit.jupiter.api.Test;

class PreexistingHypophosphataemiaTest {
  private final RuleBook book = new RuleBook(knowledge().valueSets(), knowledge().labSettings(), knowledge().ruleSettings());
  private final PreexistingHypophosphataemia rule = new PreexistingHypophosphataemia();

  private Optional<Finding> evaluate(DraftOrder order, List<LabResult> labs) {
    return rule.evaluate(order, book.assess(chart(order, List.of(), labs), NOW));
  }

  @Test
  void firesCriticalWhenLatestPhosphateIsBelowDefaultLimit() {
    Optional<Finding> finding = evaluate(draft(FCM_750), List.of(lab(PHOSPHATE_MMOL, 0.62, "mmol/L", daysAgo(12))));
    assertThat(finding).get().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.summary()).contains("0.62").contains("correct before");
    });
  }

  @Test
  void judgesTheLatestResultNotAnEarlierLowOne() {
    assertThat(evaluate(draft(FCM_750), List.of(lab(PHOSPHATE_MMOL, 0.62, "mmol/L", daysAgo(40)),
        lab(PHOSPHATE_MMOL, 0.95, "mmol/L", daysAgo(3))))).isEmpty();
  }

  @Test
  void usesTheLabsOwnLowerLimit() {
    // 0.78 is low against the default 0.80 but not against this lab's 0.75
    assertThat(evaluate(draft(FCM_750), List.of(lab(PHOSPHATE_MMOL, 0.78, "mmol/L", daysAgo(3), 0.75)))).isEmpty();
  }

  @Test
  void staysSilentWhenLowPhosphateIsOlderThan90Days() {
    assertThat(evaluate(draft(FCM_750), List.of(lab(PHOSPHATE_MMOL, 0.5, "mmol/L", daysAgo(95))))).isEmpty();
  }

  @Test
  void staysSilentForLowerRiskProduct() {
    assertThat(evaluate(draft(FDI_1000), List.of(lab(PHOSPHATE_MMOL, 0.5, "mmol/L", daysAgo(5))))).isEmpty();
  }
}
