package org.ironcds.knowledge.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ironcds.knowledge.TestCharts.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ironcds.cdshooks.Action;
import org.ironcds.cdshooks.Card;
import org.ironcds.cdshooks.Indicator;
import org.ironcds.cdshooks.SelectionBehavior;
import org.ironcds.cdshooks.Suggestion;
import org.ironcds.chart.DraftOrder;
import org.ironcds.chart.LabResult;
import org.ironcds.chart.PatientChart;
import org.ironcds.knowledge.Advice;
import org.ironcds.knowledge.Advisor;
import org.junit.jupiter.api.Test;

class CardWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Advisor advisor = new Advisor(knowledge());

  private List<Advice> advise(DraftOrder order, List<LabResult> labs) {
    PatientChart chart = chart(order, List.of(given(PROLIA, daysAgo(150))), labs);
    return advisor.advise(chart, NOW);
  }

  private static JsonNode resource(Action action) {
    try {
      return JSON.readTree(action.resource().orElseThrow().json());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<JsonNode> created(Suggestion suggestion) {
    List<JsonNode> resources = new ArrayList<>();
    suggestion.actions().stream().filter(a -> a.type() == Action.Type.CREATE).forEach(a -> resources.add(resource(a)));
    return resources;
  }

  @Test
  void riskCardShowsDrugDateLabsTimingAndPlan() {
    Card card = advise(draft(FCM_750), List.of(lab(PHOSPHATE_MMOL, 1.02, "mmol/L", daysAgo(40)))).get(0).card();
    assertThat(card.indicator()).isEqualTo(Indicator.WARNING);
    assertThat(card.summary().codePointCount(0, card.summary().length())).isLessThan(140);
    assertThat(card.detail()).get().asString()
        .contains("denosumab", "2026-06-24", "7 months")
        .contains("| phosphate | 1.02 mmol/L | 2026-10-12 | not low |")
        .contains("17.5 days", "2026-11-28", "2026-12-12");
    assertThat(card.source().url()).get().satisfies(u -> assertThat(u.isAbsolute()).isTrue());
    assertThat(card.overrideReasons()).allSatisfy(r -> {
      assertThat(r.system()).isEqualTo(CardWriter.OVERRIDE_SYSTEM);
      assertThat(r.display()).isPresent();
    });
  }

  @Test
  void baselineLabsAreSuggestedWhenPhosphateIsNotRecentIncludingVitaminD() {
    Suggestion baseline = advise(draft(FCM_750), List.of(lab(PHOSPHATE_MMOL, 1.02, "mmol/L", daysAgo(40))))
        .get(0).card().suggestions().get(0);
    assertThat(created(baseline)).extracting(r -> r.at("/code/coding/0/code").asText())
        .containsExactly("2777-1", "17861-6", "1751-7", "62292-8");
    assertThat(created(baseline)).allSatisfy(r -> {
      assertThat(r.path("resourceType").asText()).isEqualTo("ServiceRequest");
      assertThat(r.path("status").asText()).isEqualTo("draft");
      assertThat(r.at("/subject/reference").asText()).isEqualTo("Patient/pat-1");
      assertThat(r.at("/encounter/reference").asText()).isEqualTo("Encounter/e1");
    });
  }

  @Test
  void noBaselineSuggestionWhenPhosphateAndCalciumAreRecent() {
    Card card = advise(draft(FDI_1000), List.of(lab(PHOSPHATE_MMOL, 1.0, "mmol/L", daysAgo(3)),
        lab(CALCIUM_MMOL, 2.4, "mmol/L", daysAgo(3)))).get(0).card();
    assertThat(card.suggestions()).singleElement().satisfies(s -> assertThat(s.label()).startsWith("Order follow-up"));
  }

  @Test
  void followUpCountsFromTheOrdersOwnStartDate() {
    DraftOrder planned = new DraftOrder(Optional.of("d"), draft(FDI_1000).codes(), Optional.empty(), List.of(),
        Optional.of(NOW), Optional.of(Instant.parse("2026-12-01T09:00:00Z")), Optional.empty(), Optional.empty(),
        List.of(), List.of(), true);
    Suggestion followUp = advise(planned, List.of()).get(0).card().suggestions().get(1);
    assertThat(created(followUp)).hasSize(2).allSatisfy(r -> assertThat(r.at("/occurrenceTiming/event").toString())
        .contains("2026-12-08", "2026-12-22", "2027-01-21", "2027-02-20"));
  }

  @Test
  void switchCardOffersLowerRiskProductsOnlyWithOneRecommended() {
    List<Advice> advice = advise(draft(FCM_750), List.of(lab(WEIGHT, 45, "kg", daysAgo(2))));
    assertThat(advice).extracting(Advice::ruleId).containsExactly("AntiresorptiveCoTherapy", Advisor.SWITCH_FORMULATION);
    Card card = advice.get(1).card();
    assertThat(card.selectionBehavior()).contains(SelectionBehavior.AT_MOST_ONE);
    assertThat(card.suggestions()).hasSize(3).filteredOn(Suggestion::recommended).singleElement()
        .satisfies(s -> assertThat(s.label()).contains("ferric derisomaltose 900 mg"));
    for (Suggestion suggestion : card.suggestions()) {
      assertThat(suggestion.actions().get(0).resourceId()).contains("MedicationRequest/draft-1");
      JsonNode request = created(suggestion).get(0);
      assertThat(request.at("/medicationCodeableConcept/coding/0/code").asText())
          .isIn("2274408", "1741261", "860605").isNotEqualTo(FCM_750);
      assertThat(request.at("/requester/reference").asText()).isEqualTo("Practitioner/p1");
      assertThat(request.at("/reasonCode/0/coding/0/code").asText()).isEqualTo("87522002");
      assertThat(request.at("/dosageInstruction/0/route/coding/0/code").asText()).isEqualTo("47625008");
    }
    assertThat(created(card.suggestions().get(0)).get(0).at("/dosageInstruction/0/doseAndRate/0/doseQuantity/value")
        .asInt()).isEqualTo(900);
  }

  @Test
  void switchWithoutDraftIdOnlyCreates() {
    DraftOrder noId = new DraftOrder(Optional.empty(), draft(FCM_750).codes(), Optional.empty(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), true);
    Card card = advise(noId, List.of()).get(1).card();
    assertThat(card.suggestions()).allSatisfy(s ->
        assertThat(s.actions()).extracting(Action::type).containsExactly(Action.Type.CREATE));
  }

  @Test
  void noSwitchCardForLowerRiskProduct() {
    assertThat(advise(draft(FDI_1000), List.of())).extracting(Advice::ruleId).containsExactly("AntiresorptiveCoTherapy");
  }

  @Test
  void overlongSummaryIsCutBelow140CodePoints() {
    String cut = CardWriter.summary("x".repeat(200));
    assertThat(cut.codePointCount(0, cut.length())).isEqualTo(139);
    assertThat(cut).endsWith("…");
    assertThat(CardWriter.summary("short")).isEqualTo("short");
  }
}
