package org.ironcds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.chart.PatientChart;
import org.ironcds.chart.fhir.ChartAssembler;
import org.ironcds.examples.FhirExamples.Example;
import org.ironcds.examples.FhirExamples.ExpectedCard;
import org.ironcds.knowledge.Advice;
import org.ironcds.knowledge.Advisor;
import org.ironcds.knowledge.TestCharts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every request in {@code fhir-examples/} through the codec, the chart assembler and the advisor. */
class FhirExamplesTest {
  private static final CdsHooksJson JSON = new CdsHooksJson();
  private static final ChartAssembler ASSEMBLER = new ChartAssembler(TestCharts.knowledge().labCodeTokens());
  private static final Advisor ADVISOR = new Advisor(TestCharts.knowledge());

  static Stream<Example> examples() {
    return FhirExamples.all().stream();
  }

  static List<Advice> advise(Example example) {
    HookRequest request = JSON.readHookRequest(example.body(), example.hook());
    List<JsonNode> resources = request.prefetch().keys().stream().map(request.prefetch()::value).toList();
    Instant now = FhirExamples.signedAt();
    PatientChart chart = ASSEMBLER.assemble(request.context(), resources, now);
    return ADVISOR.advise(chart, now);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleGivesExpectedCards(Example example) {
    List<Advice> advice = advise(example);
    List<ExpectedCard> actual = advice.stream()
        .map(a -> new ExpectedCard(a.ruleId(), a.card().indicator().code())).toList();
    assertThat(actual).as(example.file()).isEqualTo(example.cards());
    advice.forEach(a -> assertThat(new String(JSON.write(a.card()))).contains("\"uuid\""));
  }

  @Test
  void examplesCoverEveryRuleAndAtLeastTwelveScenarios() {
    List<Example> all = FhirExamples.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(12);
    assertThat(all.stream().flatMap(e -> e.cards().stream()).map(ExpectedCard::ruleId)).contains(
        "AntiresorptiveCoTherapy", "RepeatFerricCarboxymaltose", "PreexistingHypophosphataemia",
        Advisor.SWITCH_FORMULATION);
    assertThat(all).filteredOn(e -> e.cards().isEmpty()).hasSizeGreaterThanOrEqualTo(5);
  }
}
