package org.ironcds.knowledge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ironcds.knowledge.TestCharts.*;

import java.util.List;
import java.util.Optional;
import org.ironcds.chart.Code;
import org.ironcds.chart.DraftOrder;
import org.ironcds.chart.PatientChart;
import org.junit.jupiter.api.Test;

class RuleBookTest {
  private final RuleBook book = new RuleBook(knowledge().valueSets(), knowledge().labSettings(), knowledge().ruleSettings());

  @Test
  void mergesAllThreeRulesIntoOneCriticalFindingLedByCoTherapy() {
    PatientChart chart = chart(draft(FCM_750), List.of(given(PROLIA, daysAgo(30)), given(FCM_750, daysAgo(40))),
        List.of(lab(PHOSPHATE_MMOL, 0.6, "mmol/L", daysAgo(50))));
    List<Finding> findings = book.evaluate(chart, NOW);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).ruleIds()).containsExactly(AntiresorptiveCoTherapy.ID,
        PreexistingHypophosphataemia.ID, RepeatFerricCarboxymaltose.ID);
    assertThat(findings.get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(findings.get(0).reasons()).filteredOn(r -> r.contains("phosphate 0.6 mmol/L")).hasSize(1);
    assertThat(findings.get(0).reasons()).anyMatch(r -> r.contains("correct pre-existing hypophosphataemia"));
  }

  @Test
  void preexistingHypophosphataemiaLeadsOverRepeatDose() {
    PatientChart chart = chart(draft(FCM_750), List.of(given(FCM_750, daysAgo(40))),
        List.of(lab(PHOSPHATE_MMOL, 0.6, "mmol/L", daysAgo(50))));
    assertThat(book.evaluate(chart, NOW)).singleElement().extracting(Finding::ruleId)
        .isEqualTo(PreexistingHypophosphataemia.ID);
  }

  @Test
  void advisesOnlyOnSelectedOrders() {
    DraftOrder unselected = new DraftOrder(Optional.of("other"), List.of(Code.of(RXNORM, FCM_750)), Optional.empty(),
        List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), false);
    PatientChart chart = new PatientChart("p", Optional.empty(), "Practitioner/1", List.of(unselected),
        List.of(given(PROLIA, daysAgo(30))), List.of());
    assertThat(book.evaluate(chart, NOW)).isEmpty();
  }

  @Test
  void staysSilentForNonIronOrder() {
    assertThat(book.evaluate(chart(draft(PROLIA), List.of(given(PROLIA, daysAgo(30))), List.of()), NOW)).isEmpty();
  }
}
