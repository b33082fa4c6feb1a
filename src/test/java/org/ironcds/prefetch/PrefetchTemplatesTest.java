package org.ironcds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefetchTemplatesTest {
  @Test
  void bundledTemplatesPublishTheFiveKeysWithTheirExactQueries() {
    PrefetchTemplates templates = PrefetchTemplates.load(List.of("http://loinc.org|2777-1", "http://loinc.org|17861-6"));

    assertThat(templates.discovery())
        .containsExactly(
            entry("patient", "Patient/{{context.patientId}}"),
            entry("medicationRequests", "MedicationRequest?patient={{context.patientId}}&_sort=-authoredon&_count=100"),
            entry("medicationStatements", "MedicationStatement?patient={{context.patientId}}&_sort=-effective&_count=100"),
            entry(
                "medicationAdministrations",
                "MedicationAdministration?patient={{context.patientId}}&_sort=-effective-time&_count=100"),
            entry(
                "observations",
                "Observation?patient={{context.patientId}}&code=http://loinc.org|2777-1,http://loinc.org|17861-6"
                    + "&_sort=-date&_count=100"));
  }

  @Test
  void discoveryMapFitsAServiceDescriptor() {
    org.ironcds.cdshooks.ServiceDescriptor descriptor =
        new org.ironcds.cdshooks.ServiceDescriptor(
            org.ironcds.cdshooks.Hook.ORDER_SIGN, "iv-iron", "IV iron", "d", TestChart.templates().discovery(),
            java.util.Optional.empty());

    assertThat(descriptor.prefetch()).containsOnlyKeys(TestChart.templates().keys());
  }

  @Test
  void medicationAndLabKeysAreRequiredByDefaultAndPatientIsNot() {
    assertThat(TestChart.templates().requiredKeys())
        .containsExactly("medicationRequests", "medicationStatements", "medicationAdministrations", "observations");
  }

  @Test
  void duplicateLabCodesAreJoinedOnce() {
    PrefetchTemplates templates = PrefetchTemplates.load(List.of("http://loinc.org|2777-1", "http://loinc.org|2777-1"));

    assertThat(templates.find("observations").orElseThrow().query()).contains("code=http://loinc.org|2777-1&");
  }

  @Test
  void emptyLabCodeListIsRejected() {
    assertThatThrownBy(() -> PrefetchTemplates.load(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labCodeTokens must name at least one system|code");
  }

  @Test
  void labCodeThatIsNotASystemCodeTokenIsRejected() {
    assertThatThrownBy(() -> PrefetchTemplates.load(List.of("2777-1&_include=*")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lab code token must look like system|code: 2777-1&_include=*");
  }

  @Test
  void tokenOutsideTheTwoPointZeroSetIsRejected() {
    assertThatThrownBy(() -> template("MedicationRequest?_id={{context.draftOrders.entry.resource.id}}"))
        .hasMessage("prefetch k: token {{context.draftOrders.entry.resource.id}} is not allowed in CDS Hooks 2.0");
    assertThatThrownBy(() -> template("Observation?patient={{context.patientId}}&date=ge{{today() - 90 days}}"))
        .hasMessageContaining("is not allowed in CDS Hooks 2.0");
  }

  @Test
  void everyTwoPointZeroTokenIsAccepted() {
    for (String token : PrefetchTemplate.ALLOWED_TOKENS) {
      assertThat(template("Practitioner?_id={{" + token + "}}").query()).contains(token);
    }
  }

  @Test
  void absoluteOrEscapingUrlIsRejected() {
    assertThatThrownBy(() -> template("https://evil.example/Patient/{{context.patientId}}"))
        .hasMessage("prefetch k: query must be a relative FHIR URL starting with a resource type");
    assertThatThrownBy(() -> template("/Patient/{{context.patientId}}"))
        .hasMessage("prefetch k: query must be a relative FHIR URL starting with a resource type");
    assertThatThrownBy(() -> template("Patient/../admin"))
        .hasMessage("prefetch k: query path must not contain '..' or '//'");
  }

  @Test
  void specExampleSortSyntaxIsRejected() {
    assertThatThrownBy(() -> template("Observation?patient={{context.patientId}}&sort:desc=date"))
        .hasMessage("prefetch k: 'sort:desc' is not FHIR search syntax; use _sort=-field");
  }

  @Test
  void unbalancedOrUnexpandedPlaceholderIsRejected() {
    assertThatThrownBy(() -> template("Patient/{{context.patientId}"))
        .hasMessage("prefetch k: query has an unbalanced or unexpanded placeholder");
    assertThatThrownBy(() -> template("Observation?code=${labCodes}"))
        .hasMessage("prefetch k: query has an unbalanced or unexpanded placeholder");
  }

  @Test
  void duplicateKeysAreRejected() {
    PrefetchTemplate one = template("Patient/{{context.patientId}}");
    assertThatThrownBy(() -> PrefetchTemplates.of(List.of(one, one)))
        .hasMessage("two prefetch templates share the key k");
  }

  @Test
  void fileWithoutTemplatesArrayIsRejected() {
    assertThatThrownBy(
            () -> PrefetchTemplates.parse(
                new ByteArrayInputStream("{\"templates\":{}}".getBytes(StandardCharsets.UTF_8)), TestChart.LAB_CODES))
        .hasMessage("prefetch templates: 'templates' must be an array");
  }

  private static PrefetchTemplate template(String query) {
    return new PrefetchTemplate("k", query, false, "");
  }

  private static java.util.Map.Entry<String, String> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }
}
