package org.ironcds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MedicationReferencesTest {
  private static final Optional<URI> BASE = Optional.of(URI.create("https://ehr.example.org/fhir"));

  @Test
  void referenceToAMedicationHeldNowhereIsUnresolved() {
    assertThat(MedicationReferences.unresolved(List.of(request("Medication/m1")), BASE)).containsExactly("Medication/m1");
  }

  @Test
  void medicationInAnyValueCountsAsHeld() {
    JsonNode medication = TestChart.json(TestChart.ironMedication());
    JsonNode request = request("Medication/" + TestChart.IRON_MEDICATION_ID);

    assertThat(MedicationReferences.unresolved(List.of(request, medication), BASE)).isEmpty();
  }

  @Test
  void containedAndForeignReferencesAreIgnored() {
    assertThat(MedicationReferences.unresolved(List.of(request("#zol"), request("https://other.org/Medication/m1")), BASE))
        .isEmpty();
  }

  @Test
  void absoluteReferenceToTheServerAndVersionedReferenceBecomeRelative() {
    List<JsonNode> values = List.of(request("https://ehr.example.org/fhir/Medication/m1"), request("Medication/m2/_history/3"));

    assertThat(MedicationReferences.unresolved(values, BASE)).containsExactly("Medication/m1", "Medication/m2");
  }

  @Test
  void referencesInsideBundlesAreFound() {
    JsonNode bundle = TestChart.json(TestChart.searchset(TestChart.medicationRequests()));

    assertThat(MedicationReferences.unresolved(List.of(bundle), BASE))
        .containsExactly("Medication/" + TestChart.IRON_MEDICATION_ID);
  }

  private static JsonNode request(String reference) {
    com.fasterxml.jackson.databind.node.ObjectNode node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    node.put("resourceType", "MedicationRequest");
    node.putObject("medicationReference").put("reference", reference);
    return node;
  }
}
