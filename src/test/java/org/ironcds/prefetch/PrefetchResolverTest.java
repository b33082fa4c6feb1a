package org.ironcds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.prefetch.FakeEhr.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resolver against a real in-process FHIR server holding {@link TestChart}'s patient. */
class PrefetchResolverTest {
  private static final String BEARER = "Bearer " + TestChart.ACCESS_TOKEN;
  private static final String PATIENT = TestChart.PATIENT_ID;
  private static FakeEhr ehr;

  private final RecordingMetrics metrics = new RecordingMetrics();

  @BeforeAll
  static void startEhr() {
    ehr = FakeEhr.builder().resources(TestChart.all()).start();
  }

  @AfterAll
  static void stopEhr() throws Exception {
    ehr.close();
  }

  @BeforeEach
  void resetEhr() {
    ehr.reset();
  }

  @Test
  void completePrefetchMakesNoCallToTheFhirServer() {
    PrefetchData data = resolver().resolve(HookRequests.orderSign(ehr.baseUrl()).completePrefetch().build());

    assertThat(ehr.requests()).isEmpty();
    assertThat(data.byKey()).containsOnlyKeys(TestChart.templates().keys());
    assertThat(data.extraResources()).isEmpty();
    assertThat(metrics.supplied).containsExactlyElementsOf(TestChart.templates().keys());
    assertThat(metrics.fetched).isEmpty();
  }

  @Test
  void nullKeyMeansNoDataAndIsNeitherFetchedNorMissing() {
    HookRequest request =
        HookRequests.orderSign(ehr.baseUrl()).completePrefetch().prefetchNull("medicationStatements").build();

    PrefetchData data = resolver().resolve(request, Set.of("medicationStatements", "medicationRequests"));

    assertThat(ehr.requests()).isEmpty();
    assertThat(data.get("medicationStatements")).isEmpty();
    assertThat(metrics.supplied).contains("medicationStatements");
  }

  @Test
  void missingKeyIsFetchedWithItsTemplateQueryAndTheBearerToken() {
    HookRequest request =
        HookRequests.orderSign(ehr.baseUrl()).completePrefetch().without("medicationStatements").build();

    PrefetchData data = resolver().resolve(request);

    assertThat(ehr.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("GET");
              assertThat(r.relativeUrl())
                  .isEqualTo("MedicationStatement?patient=" + PATIENT + "&_sort=-effective&_count=100");
              assertThat(r.authorization()).contains(BEARER);
            });
    assertThat(ids(data.get("medicationStatements").orElseThrow())).containsExactly("ms-1");
    assertThat(metrics.fetched).containsExactly("medicationStatements");
  }

  @Test
  void missingLabKeyAsksForEveryLabCodeAndGetsOnlyThoseLabs() {
    HookRequest request = HookRequests.orderSign(ehr.baseUrl()).completePrefetch().without("observations").build();

    PrefetchData data = resolver().resolve(request);

    assertThat(ehr.requests())
        .extracting(RecordedRequest::relativeUrl)
        .containsExactly(
            "Observation?patient=" + PATIENT + "&code=" + String.join(",", TestChart.LAB_CODES)
                + "&_sort=-date&_count=100");
    assertThat(ids(data.get("observations").orElseThrow())).containsExactly("obs-ca", "obs-phos", "obs-ferritin");
  }

  @Test
  void operationOutcomeValueIsFetchedAgain() {
    JsonNode outcome =
        TestChart.json(new org.hl7.fhir.r4.model.OperationOutcome().addIssue(
            new org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent()
                .setSeverity(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.ERROR)
                .setCode(org.hl7.fhir.r4.model.OperationOutcome.IssueType.TIMEOUT)));
    HookRequest request =
        HookRequests.orderSign(ehr.baseUrl()).completePrefetch().prefetch("medicationAdministrations", outcome).build();

    PrefetchData data = resolver().resolve(request);

    assertThat(ehr.requests())
        .extracting(RecordedRequest::relativeUrl)
        .containsExactly("MedicationAdministration?patient=" + PATIENT + "&_sort=-effective-time&_count=100");
    assertThat(ids(data.get("medicationAdministrations").orElseThrow())).containsExactly("ma-1");
  }

  @Test
  void bundleThatReportsAnErrorInsideIsFetchedAgain() {
    org.hl7.fhir.r4.model.Bundle failed = TestChart.searchset(List.of());
    failed.addEntry().setResource(new org.hl7.fhir.r4.model.OperationOutcome().addIssue(
        new org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent()
            .setSeverity(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.ERROR)
            .setCode(org.hl7.fhir.r4.model.OperationOutcome.IssueType.EXCEPTION)))
        .getSearch().setMode(org.hl7.fhir.r4.model.Bundle.SearchEntryMode.OUTCOME);
    HookRequest request =
        HookRequests.orderSign(ehr.baseUrl()).completePrefetch().prefetch("observations", TestChart.json(failed)).build();

    PrefetchData data = resolver().resolve(request);

    assertThat(ehr.requests()).extracting(RecordedRequest::relativeUrl).singleElement().asString().startsWith("Observation?");
    assertThat(ids(data.get("observations").orElseThrow())).containsExactly("obs-ca", "obs-phos", "obs-ferritin");
  }

  @Test
  void emptySearchsetIsDataAndIsNotFetchedAgain() {
    HookRequest request =
        HookRequests.orderSign(ehr.baseUrl()).completePrefetch()
            .prefetch("medicationStatements", TestChart.json(TestChart.searchset(List.of()))).build();

    PrefetchData data = resolver().resolve(request);

    assertThat(ehr.requests()).isEmpty();
    assertThat(ids(data.get("medicationStatements").orElseThrow())).isEmpty();
  }

  @Test
  void emptyPrefetchFetchesEveryKeyAndFindsWhatACompleteClientWouldHaveSent() {
    PrefetchData fetched = resolver().resolve(HookRequests.orderSign(ehr.baseUrl()).build());
    PrefetchData supplied = resolver().resolve(HookRequests.orderSign(ehr.baseUrl()).completePrefetch().build());

    for (String key : TestChart.templates().keys()) {
      assertThat(ids(fetched.get(key).orElseThrow())).as(key).isSubsetOf(ids(supplied.get(key).orElseThrow()));
    }
    assertThat(resourceIds(fetched.resources())).containsExactlyInAnyOrderElementsOf(resourceIds(supplied.resources()));
    assertThat(ehr.requests()).allSatisfy(r -> assertThat(r.authorization()).contains(BEARER));
    assertThat(ehr.requests()).extracting(RecordedRequest::relativeUrl)
        .containsExactlyInAnyOrder(
            "Patient/" + PATIENT,
            "MedicationRequest?patient=" + PATIENT + "&_sort=-authoredon&_count=100",
            "MedicationStatement?patient=" + PATIENT + "&_sort=-effective&_count=100",
            "MedicationAdministration?patient=" + PATIENT + "&_sort=-effective-time&_count=100",
            "Observation?patient=" + PATIENT + "&code=" + String.join(",", TestChart.LAB_CODES) + "&_sort=-date&_count=100",
            "Medication/" + TestChart.IRON_MEDICATION_ID);
  }

  @Test
  void medicationReferencedButNotInTheRequestIsReadFromTheServer() {
    HookRequest request =
        HookRequests.orderSign(ehr.baseUrl())
            .completePrefetch()
            .prefetch("medicationRequests", TestChart.json(TestChart.searchset(TestChart.medicationRequests())))
            .build();

    PrefetchData data = resolver().resolve(request);

    assertThat(ehr.requests()).extracting(RecordedRequest::relativeUrl)
        .containsExactly("Medication/" + TestChart.IRON_MEDICATION_ID);
    assertThat(data.extraResources()).extracting(r -> r.path("id").asText())
        .containsExactly(TestChart.IRON_MEDICATION_ID);
    assertThat(data.resources()).hasSize(TestChart.templates().keys().size() + 1);
  }

  @Test
  void medicationThatCannotBeReadIsToleratedAndContainedOnesAreNeverFetched() {
    JsonNode requests = TestChart.json(TestChart.searchset(TestChart.medicationRequests()));
    ((com.fasterxml.jackson.databind.node.ObjectNode) requests.path("entry").get(1).path("resource").path("medicationReference"))
        .put("reference", "Medication/no-such-medication");
    HookRequest request =
        HookRequests.orderSign(ehr.baseUrl()).completePrefetch().prefetch("medicationRequests", requests).build();

    PrefetchData data = resolver().resolve(request);

    assertThat(ehr.requests()).extracting(RecordedRequest::relativeUrl).containsExactly("Medication/no-such-medication");
    assertThat(data.extraResources()).isEmpty();
    assertThat(metrics.failed).containsExactly("medicationReference:http_error");
  }

  @Test
  void requiredKeyMissingWithoutAuthorizationIs412NamingTheKey() {
    HookRequest request =
        HookRequests.orderSign().fhirServer(ehr.baseUrl()).completePrefetch().without("observations").build();

    MissingDataException e = catchThrowableOfType(MissingDataException.class, () -> resolver().resolve(request));

    assertThat(e.missingKeys()).containsExactly("observations");
    assertThat(e.getMessage()).contains("observations (not_configured)");
    assertThat(ehr.requests()).isEmpty();
  }

  @Test
  void requiredKeysMissingWithoutFhirServerAre412NamingEveryKey() {
    HookRequest request = HookRequests.orderSign().build();

    MissingDataException e = catchThrowableOfType(MissingDataException.class, () -> resolver().resolve(request));

    assertThat(e.missingKeys())
        .containsExactly("medicationRequests", "medicationStatements", "medicationAdministrations", "observations");
  }

  @Test
  void optionalKeyMissingWithoutAuthorizationIsLeftOut() {
    HookRequest request = HookRequests.orderSign().completePrefetch().without("patient").build();

    PrefetchData data = resolver().resolve(request);

    assertThat(data.get("patient")).isEmpty();
    assertThat(metrics.failed).containsExactly("patient:not_configured");
  }

  @Test
  void requiredKeysDeclaredByTheServiceOverrideTheTemplateDefaults() {
    HookRequest request = HookRequests.orderSign().completePrefetch().without("patient").build();

    assertThatThrownBy(() -> resolver().resolve(request, Set.of("patient")))
        .isInstanceOf(MissingDataException.class)
        .extracting(e -> ((MissingDataException) e).missingKeys())
        .isEqualTo(List.of("patient"));
    HookRequest withPatient = HookRequests.orderSign().prefetch("patient", TestChart.prefetchValue("patient")).build();
    assertThat(resolver().resolve(withPatient, Set.of("patient")).byKey()).containsOnlyKeys("patient");
  }

  @Test
  void unknownRequiredKeyIsAProgrammingError() {
    assertThatThrownBy(() -> resolver().resolve(HookRequests.orderSign().build(), Set.of("labs")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("required key has no prefetch template: labs");
  }

  @Test
  void rejectedTokenIs412() {
    ehr.requireToken("a-different-token");
    HookRequest request = HookRequests.orderSign(ehr.baseUrl()).completePrefetch().without("medicationRequests").build();

    MissingDataException e = catchThrowableOfType(MissingDataException.class, () -> resolver().resolve(request));

    assertThat(e.missingKeys()).containsExactly("medicationRequests");
    assertThat(e.getMessage()).contains("unauthorized");
    assertThat(ehr.requests()).hasSize(1);
    assertThat(metrics.exchangeSucceeded).containsExactly(false);
  }

  @Test
  void tokenThatCannotBeSentIs412AndNeverA500() {
    HookRequest request =
        HookRequests.orderSign(ehr.baseUrl()).token("abc\r\nX-Injected: 1").completePrefetch().without("observations").build();

    assertThatThrownBy(() -> resolver().resolve(request))
        .isInstanceOf(MissingDataException.class)
        .hasMessageContaining("observations (unauthorized)");
    assertThat(ehr.requests()).isEmpty();
  }

  @Test
  void forbiddenQueryIs412() {
    ehr.forbidAll();
    HookRequest request = HookRequests.orderSign(ehr.baseUrl()).completePrefetch().without("observations").build();

    assertThatThrownBy(() -> resolver().resolve(request)).isInstanceOf(MissingDataException.class);
    assertThat(metrics.failed).containsExactly("observations:unauthorized");
  }

  @Test
  void serverThatIsDownIs412() throws Exception {
    URI down;
    try (ServerSocket socket = new ServerSocket(0)) {
      down = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/fhir");
    }
    PrefetchResolver resolver = resolver(PrefetchOptions.defaults().withAllowedServers(List.of(down.toString())));
    HookRequest request = HookRequests.orderSign(down).completePrefetch().without("medicationRequests").build();

    assertThatThrownBy(() -> resolver.resolve(request))
        .isInstanceOf(MissingDataException.class)
        .hasMessageContaining("medicationRequests (io_error)");
  }

  @Test
  void slowServerIs412WithinTheDeadline() {
    ehr.delay(Duration.ofSeconds(3));
    PrefetchResolver resolver = resolver(options().withDeadline(Duration.ofMillis(300)));
    HookRequest request = HookRequests.orderSign(ehr.baseUrl()).build();

    long start = System.nanoTime();
    MissingDataException e = catchThrowableOfType(MissingDataException.class, () -> resolver.resolve(request));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(e.missingKeys()).hasSize(4);
    assertThat(elapsed).isLessThan(Duration.ofMillis(300 + 1500));
  }

  @Test
  void slowRequestTimesOutBeforeTheDeadline() {
    ehr.delay(Duration.ofSeconds(3));
    PrefetchResolver resolver = resolver(options().withRequestTimeout(Duration.ofMillis(200)));
    HookRequest request = HookRequests.orderSign(ehr.baseUrl()).completePrefetch().without("observations").build();

    assertThatThrownBy(() -> resolver.resolve(request)).hasMessageContaining("observations (timeout)");
  }

  @Test
  void serverNotOnTheAllowListIsNeverContacted() {
    PrefetchResolver resolver = resolver(options().withAllowedServers(List.of("https://ehr.example.org")));
    HookRequest request = HookRequests.orderSign(ehr.baseUrl()).build();

    MissingDataException e = catchThrowableOfType(MissingDataException.class, () -> resolver.resolve(request));

    assertThat(e.getMessage()).contains("server_refused");
    assertThat(ehr.requests()).isEmpty();
  }

  @Test
  void responseLargerThanTheCapFailsItsKey() {
    PrefetchResolver resolver = resolver(options().withMaxResponseBytes(1024));
    HookRequest request = HookRequests.orderSign(ehr.baseUrl()).completePrefetch().without("medicationRequests").build();

    assertThatThrownBy(() -> resolver.resolve(request)).hasMessageContaining("medicationRequests (too_large)");
  }

  @Test
  void everyExchangeReportsItsLatencyAndEveryFetchedKeyIsCounted() {
    resolver().resolve(HookRequests.orderSign(ehr.baseUrl()).build());

    assertThat(metrics.fetched).containsExactlyInAnyOrder(
        "patient", "medicationRequests", "medicationStatements", "medicationAdministrations", "observations",
        "medicationReference");
    assertThat(metrics.latencies).hasSize(6).allSatisfy(d -> assertThat(d).isPositive());
    assertThat(metrics.exchangeSucceeded).containsOnly(true);
  }

  private PrefetchResolver resolver() {
    return resolver(options());
  }

  private PrefetchResolver resolver(PrefetchOptions options) {
    return new PrefetchResolver(TestChart.templates(), options, metrics);
  }

  private static PrefetchOptions options() {
    return PrefetchOptions.defaults().withAllowedServers(List.of(ehr.baseUrl().toString()));
  }

  static List<String> ids(JsonNode value) {
    return Bundles.resourcesIn(value).stream().map(r -> r.path("id").asText()).toList();
  }

  static List<String> resourceIds(List<JsonNode> values) {
    return values.stream()
        .flatMap(v -> Bundles.resourcesIn(v).stream())
        .map(r -> r.path("resourceType").asText() + "/" + r.path("id").asText())
        .toList();
  }

  static List<JsonNode> entries(JsonNode bundle) {
    return StreamSupport.stream(bundle.path("entry").spliterator(), false).toList();
  }
}
