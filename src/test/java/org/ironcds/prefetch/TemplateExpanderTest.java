package org.ironcds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;
import org.ironcds.cdshooks.OrderContext;
import org.junit.jupiter.api.Test;

class TemplateExpanderTest {
  private static final OrderContext CONTEXT = context("Practitioner/pr-1", "p1", Optional.empty());

  @Test
  void patientIdIsFilledIn() {
    assertThat(TemplateExpander.expand("Patient/{{context.patientId}}", CONTEXT)).contains("Patient/p1");
  }

  @Test
  void valuesArePercentEncodedSoTheyCannotAddParameters() {
    OrderContext hostile = context("Practitioner/pr-1", "p1&_include=*#x y", Optional.empty());

    assertThat(TemplateExpander.expand("MedicationRequest?patient={{context.patientId}}&_count=100", hostile))
        .contains("MedicationRequest?patient=p1%26_include%3D*%23x%20y&_count=100");
  }

  @Test
  void userTokensAreDerivedFromTheTypeOfUserId() {
    assertThat(TemplateExpander.expand("Practitioner/{{userPractitionerId}}", CONTEXT)).contains("Practitioner/pr-1");
    assertThat(TemplateExpander.expand("{{context.userId}}", CONTEXT)).contains("Practitioner/pr-1");
    assertThat(TemplateExpander.expand("PractitionerRole/{{userPractitionerRoleId}}", CONTEXT)).isEmpty();
    assertThat(TemplateExpander.expand("Patient/{{userPatientId}}", CONTEXT)).isEmpty();
  }

  @Test
  void templateWithATokenWithoutValueIsNotExpandable() {
    String query = "Encounter/{{context.encounterId}}";

    assertThat(TemplateExpander.expand(query, CONTEXT)).isEmpty();
    assertThat(TemplateExpander.expand(query, context("Practitioner/pr-1", "p1", Optional.of("e1"))))
        .contains("Encounter/e1");
  }

  @Test
  void pipesOfCodeTokensAreEscapedForTheUri() {
    assertThat(TemplateExpander.expand("Observation?code=http://loinc.org|2777-1", CONTEXT))
        .contains("Observation?code=http://loinc.org%7C2777-1");
  }

  private static OrderContext context(String userId, String patientId, Optional<String> encounterId) {
    return new OrderContext(userId, patientId, encounterId, JsonNodeFactory.instance.objectNode(), List.of());
  }
}
