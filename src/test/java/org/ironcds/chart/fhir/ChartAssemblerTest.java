package org.ironcds.chart.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ironcds.cdshooks.OrderContext;
import org.ironcds.chart.DraftOrder;
import org.ironcds.chart.LabResult;
import org.ironcds.chart.MedicationUse;
import org.ironcds.chart.PatientChart;
import org.ironcds.chart.Quantity;
import org.junit.jupiter.api.Test;

class ChartAssemblerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final ChartAssembler ASSEMBLER = new ChartAssembler(List.of(
      "http://loinc.org|2777-1", "http://loinc.org|2000-8", "http://loinc.org|1995-0"));

  private static final String DRAFTS = """
      {"resourceType":"Bundle","type":"collection","entry":[
        {"resource":{"resourceType":"MedicationRequest","id":"d1","status":"draft","intent":"order",
          "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1435169"}]},
          "subject":{"reference":"Patient/p1"},"encounter":{"reference":"Encounter/e9"},
          "requester":{"reference":"Practitioner/dr"},"authoredOn":"2026-11-21T09:00:00Z",
          "reasonCode":[{"coding":[{"system":"http://snomed.info/sct","code":"87522002","display":"Iron deficiency anemia"}]}],
          "dosageInstruction":[{"timing":{"event":["2026-11-28T09:00:00Z"]}}]}},
        {"resource":{"resourceType":"MedicationRequest","id":"d2","status":"draft","intent":"order",
          "medicationReference":{"reference":"Medication/fdi"},"subject":{"reference":"Patient/p1"}}},
        {"resource":{"resourceType":"Medication","id":"fdi",
          "code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"2274408"}]}}}
      ]}""";

  private static JsonNode resource(String name) throws IOException {
    try (InputStream in = ChartAssemblerTest.class.getResourceAsStream(name)) {
      return JSON.readTree(in);
    }
  }

  private static PatientChart assemble(List<String> selections) throws IOException {
    JsonNode alone = JSON.readTree("""
        {"resourceType":"Medication","id":"med-alone",
         "code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"904431"}]}}""");
    OrderContext context = new OrderContext("Practitioner/dr", "Patient/p1", Optional.of("e9"), JSON.readTree(DRAFTS),
        selections);
    JsonNode history = resource("history.json");
    return ASSEMBLER.assemble(context, List.of(history, alone, NullNode.getInstance(), MissingNode.getInstance(), history),
        NOW);
  }

  private static MedicationUse use(PatientChart chart, String reference) {
    return chart.medications().stream().filter(m -> m.reference().equals(reference)).findFirst().orElseThrow();
  }

  @Test
  void resolvesMedicationsByCodeBundleReferenceContainedAndOtherPrefetchKey() throws IOException {
    PatientChart chart = assemble(List.of());
    assertThat(use(chart, "MedicationAdministration/ma-by-bundle-ref").codes()).singleElement()
        .satisfies(c -> assertThat(c.code()).isEqualTo("993456"));
    assertThat(use(chart, "MedicationStatement/ms-contained").codes().get(0).code()).isEqualTo("705824");
    assertThat(use(chart, "MedicationStatement/ms-contained").lastDate()).contains(Instant.parse("2026-03-01T00:00:00Z"));
    MedicationUse alendronate = use(chart, "MedicationRequest/mr-other-key-ref");
    assertThat(alendronate.codes().get(0).code()).isEqualTo("904431");
    assertThat(alendronate.active()).isTrue();
    assertThat(alendronate.routes().get(0).code()).isEqualTo("26643006");
  }

  @Test
  void dropsEnteredInErrorCancelledAndNotDoneMedicationsAndKeepsDuplicatesOnce() throws IOException {
    assertThat(assemble(List.of()).medications()).extracting(MedicationUse::reference).containsExactlyInAnyOrder(
        "MedicationAdministration/ma-by-bundle-ref", "MedicationStatement/ms-contained",
        "MedicationRequest/mr-other-key-ref");
  }

  @Test
  void keepsOnlyWantedNumericObservationsWithReferenceLowInTheValueUnit() throws IOException {
    List<LabResult> labs = assemble(List.of()).labs();
    assertThat(labs).extracting(LabResult::reference).containsExactlyInAnyOrder("Observation/phos-mg",
        "Observation/ica-unit-text");
    LabResult phosphate = labs.stream().filter(l -> l.reference().endsWith("phos-mg")).findFirst().orElseThrow();
    assertThat(phosphate.value()).isEqualTo(new Quantity(2.2, "mg/dL"));
    assertThat(phosphate.referenceLow()).contains(new Quantity(2.5, "mg/dL"));
  }

  @Test
  void mapsDraftOrdersWithPlannedStartPrescriberEncounterAndReason() throws IOException {
    PatientChart chart = assemble(List.of());
    assertThat(chart.patientId()).isEqualTo("p1");
    DraftOrder fcm = chart.draftOrders().get(0);
    assertThat(fcm.reference()).contains("MedicationRequest/d1");
    assertThat(fcm.plannedStart()).contains(Instant.parse("2026-11-28T09:00:00Z"));
    assertThat(fcm.requester()).contains("Practitioner/dr");
    assertThat(fcm.encounter()).contains("Encounter/e9");
    assertThat(fcm.reasonCodes().get(0).display()).contains("Iron deficiency anemia");
    assertThat(chart.draftOrders().get(1).codes().get(0).code()).isEqualTo("2274408");
  }

  @Test
  void orderSelectMarksOnlyTheSelectedDraftsForAdvice() throws IOException {
    PatientChart chart = assemble(List.of("MedicationRequest/d2"));
    assertThat(chart.ordersToAdvise()).extracting(DraftOrder::id).containsExactly(Optional.of("d2"));
  }

  @Test
  void stoppedOrderCountsFromTheEndOfItsValidityAndMalformedDatesDoNotFailTheCall() throws IOException {
    JsonNode history = JSON.readTree("""
        {"resourceType":"Bundle","entry":[
          {"resource":{"resourceType":"MedicationRequest","id":"long","status":"stopped","intent":"order",
            "medicationCodeableConcept":{"text":"alendronate 70 mg weekly"},"authoredOn":"2024-01-01T00:00:00Z",
            "dispenseRequest":{"validityPeriod":{"start":"2024-01-01","end":"2026-10-01"}}}},
          {"resource":{"resourceType":"MedicationAdministration","id":"bad","status":"completed",
            "medicationCodeableConcept":{"text":"Prolia"},"effectiveDateTime":"last tuesday"}}]}""");
    OrderContext context = new OrderContext("Practitioner/dr", "p1", Optional.empty(), JSON.readTree(DRAFTS), List.of());
    PatientChart chart = ASSEMBLER.assemble(context, List.of(history), NOW);
    assertThat(use(chart, "MedicationRequest/long").lastDate()).contains(Instant.parse("2026-10-01T00:00:00Z"));
    assertThat(use(chart, "MedicationAdministration/bad").lastDate()).isEmpty();
  }

  @Test
  void draftOrdersResolveReferencedMedicationsAndFallBackForTheirStart() throws IOException {
    JsonNode drafts = JSON.readTree("""
        {"resourceType":"Bundle","entry":[
          {"resource":{"resourceType":"MedicationRequest","id":"d3","status":"draft","intent":"order",
            "contained":[{"resourceType":"Medication","id":"m1","code":{"coding":[
              {"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1435169","display":"FCM"}]}}],
            "medicationReference":{"reference":"#m1"},
            "dosageInstruction":[{"route":{"coding":[{"system":"http://snomed.info/sct","code":"47625008"}]},
              "timing":{"repeat":{"boundsPeriod":{"start":"2026-12-01"}}}}],
            "reasonReference":[{"reference":"Condition/c1"},{"display":"no reference"}],
            "reasonCode":[{"coding":[{"system":"","code":"empty-system"}]}]}},
          {"resource":{"resourceType":"MedicationRequest","status":"draft","intent":"order",
            "medicationReference":{"reference":"Medication/m2"},"authoredOn":"2026-11-21",
            "requester":{"reference":" "},
            "dispenseRequest":{"validityPeriod":{"start":"2026-12-05T08:00:00+01:00"}}}},
          {"resource":{"resourceType":"Medication","id":"m2","code":{"text":"Monofer 1000 mg"}}}]}""");
    OrderContext context = new OrderContext("Practitioner/dr", "p1", Optional.empty(), drafts, List.of());
    List<DraftOrder> orders = ASSEMBLER.assemble(context, List.of(), NOW).draftOrders();

    DraftOrder contained = orders.get(0);
    assertThat(contained.codes()).extracting(c -> c.code()).containsExactly("1435169");
    assertThat(contained.routes()).extracting(c -> c.code()).containsExactly("47625008");
    assertThat(contained.plannedStart()).contains(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(contained.reasonReferences()).containsExactly("Condition/c1");
    assertThat(contained.reasonCodes()).isEmpty();
    assertThat(contained.requester()).isEmpty();
    DraftOrder bundled = orders.get(1);
    assertThat(bundled.id()).isEmpty();
    assertThat(bundled.text()).contains("Monofer 1000 mg");
    assertThat(bundled.authoredOn()).contains(Instant.parse("2026-11-21T00:00:00Z"));
    assertThat(bundled.plannedStart()).contains(Instant.parse("2026-12-05T07:00:00Z"));
    assertThat(bundled.requester()).isEmpty();
  }
}
