package org.ironcds.knowledge.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ironcds.knowledge.TestCharts.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Timing;
import org.ironcds.chart.Code;
import org.ironcds.chart.DraftOrder;
import org.ironcds.chart.PatientChart;
import org.ironcds.fhir.Fhir;
import org.ironcds.knowledge.cards.CardSettings.AlternativeProduct;
import org.ironcds.knowledge.cards.CardSettings.LabOrder;
import org.junit.jupiter.api.Test;

/**
 * The suggested resources are written without HAPI; HAPI must read back exactly the resource it
 * would have built from the same data (the way they were made before), with no element lost,
 * misnamed or out of place.
 */
class OrderResourcesTest {
  private static final LabOrder PHOSPHATE = new LabOrder("2777-1", "Phosphate [Mass/volume] in Serum or Plasma");
  private static final AlternativeProduct FDI = new AlternativeProduct("ferric-derisomaltose", "ferric derisomaltose",
      true, FDI_1000, "10 ML ferric derisomaltose 100 MG/ML Injection", 1000, Optional.of(50.0), Optional.of(20.0),
      "1000 mg IV over \"at least\" 20 minutes", "low risk", "SmPC");

  private static final DraftOrder DRAFT = new DraftOrder(Optional.of("draft-1"), List.of(Code.of(RXNORM, FCM_750)),
      Optional.empty(), List.of(), Optional.of(NOW), Optional.empty(), Optional.of("Practitioner/p1"),
      Optional.of("Encounter/e1"),
      List.of(new Code("http://snomed.info/sct", "87522002", Optional.of("Iron deficiency anemia")),
          new Code("", "local-7", Optional.empty())),
      List.of("Condition/c1"), true);
  private static final DraftOrder BARE = new DraftOrder(Optional.empty(), List.of(Code.of(RXNORM, FCM_750)),
      Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
      List.of(), true);
  private static final Instant AT = Instant.parse("2026-11-21T10:00:00.750Z");

  private static PatientChart chart(DraftOrder order, Optional<String> encounter) {
    return new PatientChart("pat-1", encounter, "Practitioner/user", List.of(order), List.of(), List.of());
  }

  @Test
  void followUpLabOrderIsTheServiceRequestHapiWouldBuild() {
    List<Instant> when = List.of(Instant.parse("2026-11-28T10:00:00Z"), Instant.parse("2026-12-12T10:00:00Z"));
    String json = OrderResources.labOrder(PHOSPHATE, chart(DRAFT, Optional.of("e1")), DRAFT, AT, when,
        "Follow-up after IV iron").json();

    ServiceRequest expected = labOrder("Practitioner/p1", Optional.of("Encounter/e1"), "Follow-up after IV iron");
    Timing timing = new Timing();
    when.forEach(w -> timing.addEvent(Date.from(w)));
    expected.setOccurrence(timing);
    assertSameResource(json, expected);
  }

  @Test
  void baselineLabOrderHasNoTimingAndFallsBackToTheHookUserAndEncounter() {
    String json = OrderResources.labOrder(PHOSPHATE, chart(BARE, Optional.of("e9")), BARE, AT, List.of(),
        "Baseline before IV iron").json();

    assertThat(json).doesNotContain("occurrence");
    assertSameResource(json, labOrder("Practitioner/user", Optional.of("Encounter/e9"), "Baseline before IV iron"));
  }

  @Test
  void alternativeIsTheMedicationRequestHapiWouldBuildWithTheDraftsReasons() {
    String json = OrderResources.alternative(FDI, 999.6, chart(DRAFT, Optional.empty()), DRAFT, AT).json();

    MedicationRequest expected = alternative("Practitioner/p1", Optional.of("Encounter/e1"));
    expected.addReasonCode(new CodeableConcept(new Coding("http://snomed.info/sct", "87522002",
        "Iron deficiency anemia")));
    expected.addReasonCode(new CodeableConcept(new Coding(null, "local-7", null)));
    expected.addReasonReference(new Reference("Condition/c1"));
    assertSameResource(json, expected);
    assertThat(json).contains("\"value\":1000,").contains("over \\\"at least\\\" 20");
  }

  @Test
  void alternativeWithoutEncounterOrReasonsLeavesThemOut() {
    String json = OrderResources.alternative(FDI, 1000, chart(BARE, Optional.empty()), BARE, AT).json();

    assertThat(json).doesNotContain("encounter", "reasonCode", "reasonReference");
    assertSameResource(json, alternative("Practitioner/user", Optional.empty()));
  }

  @Test
  void dateTimesAreUtcToTheSecond() {
    assertThat(OrderResources.dateTime(AT)).isEqualTo("2026-11-21T10:00:00Z");
    for (String moment : List.of("2026-01-01T00:00:00Z", "2027-02-28T23:59:59.999Z", "2028-02-29T12:05:09Z",
        "1970-01-01T00:00:00Z", "0999-12-31T23:59:59Z", "9999-12-31T23:59:59Z", "1969-12-31T23:59:59.5Z")) {
      Instant instant = Instant.parse(moment);
      assertThat(OrderResources.dateTime(instant)).as(moment)
          .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)));
    }
  }

  private static ServiceRequest labOrder(String requester, Optional<String> encounter, String note) {
    ServiceRequest request = new ServiceRequest()
        .setStatus(ServiceRequest.ServiceRequestStatus.DRAFT)
        .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
        .setCode(new CodeableConcept(new Coding(OrderResources.LOINC, PHOSPHATE.loinc(), PHOSPHATE.display()))
            .setText(PHOSPHATE.display()))
        .setSubject(new Reference("Patient/pat-1"))
        .setAuthoredOnElement(new DateTimeType(Date.from(Instant.parse("2026-11-21T10:00:00Z"))))
        .setRequester(new Reference(requester));
    encounter.ifPresent(e -> request.setEncounter(new Reference(e)));
    request.addReasonCode().setText(note);
    return request;
  }

  private static MedicationRequest alternative(String requester, Optional<String> encounter) {
    MedicationRequest request = new MedicationRequest()
        .setStatus(MedicationRequest.MedicationRequestStatus.DRAFT)
        .setIntent(MedicationRequest.MedicationRequestIntent.ORDER)
        .setMedication(new CodeableConcept(new Coding(OrderResources.RXNORM, FDI.rxnorm(), FDI.rxnormDisplay()))
            .setText(FDI.rxnormDisplay()))
        .setSubject(new Reference("Patient/pat-1"))
        .setAuthoredOnElement(new DateTimeType(Date.from(Instant.parse("2026-11-21T10:00:00Z"))))
        .setRequester(new Reference(requester));
    encounter.ifPresent(e -> request.setEncounter(new Reference(e)));
    request.addDosageInstruction()
        .setText(FDI.instructions())
        .setRoute(new CodeableConcept(new Coding(OrderResources.SNOMED, "47625008", "Intravenous route")))
        .addDoseAndRate().setDose(new org.hl7.fhir.r4.model.Quantity().setValue(BigDecimal.valueOf(1000))
            .setUnit("mg").setSystem(OrderResources.UCUM).setCode("mg"));
    return request;
  }

  /**
   * Parsed by HAPI, the written JSON equals the expected resource element for element, and
   * re-encoding it changes nothing but the time-zone spelling (so no element was dropped or
   * reordered by the parser's leniency).
   */
  private static void assertSameResource(String json, org.hl7.fhir.r4.model.DomainResource expected) {
    var parsed = Fhir.json().parseResource(expected.getClass(), json);
    assertThat(parsed.equalsDeep(expected)).as("HAPI reads back %s", json).isTrue();
    String reencoded = Fhir.encode(parsed);
    assertThat(reencoded.replace("+00:00", "Z")).isEqualTo(json);
  }
}
