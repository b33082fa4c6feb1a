package org.ironcds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.prefetch.FakeEhr.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Searches whose results come in pages of two, so five prescriptions take three pages. */
class PrefetchPagingTest {
  private static FakeEhr ehr;

  @BeforeAll
  static void startEhr() {
    ehr = FakeEhr.builder().resources(TestChart.all()).pageSize(2).start();
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
  void pagedSearchIsReadToTheLastPageAndMergedIntoOneBundle() {
    PrefetchData data = resolver(5).resolve(requestWithoutMedicationRequests());

    JsonNode bundle = data.get("medicationRequests").orElseThrow();
    assertThat(PrefetchResolverTest.ids(bundle)).containsExactly("mr-1", "mr-2", "mr-3", "mr-4", "mr-5");
    assertThat(Bundles.nextLink(bundle)).isEmpty();
    assertThat(ehr.requests().stream().filter(RecordedRequest::isPageRequest)).hasSize(2);
    assertThat(ehr.requests()).allSatisfy(r -> assertThat(r.authorization()).contains("Bearer " + TestChart.ACCESS_TOKEN));
  }

  @Test
  void pagingStopsAtThePageCap() {
    PrefetchData data = resolver(2).resolve(requestWithoutMedicationRequests());

    assertThat(PrefetchResolverTest.ids(data.get("medicationRequests").orElseThrow()))
        .containsExactly("mr-1", "mr-2", "mr-3", "mr-4");
    assertThat(ehr.requests().stream().filter(r -> r.relativeUrl().startsWith("MedicationRequest") || r.isPageRequest()))
        .hasSize(2);
  }

  @Test
  void pagedBundleSuppliedByTheClientIsReadOnFromItsNextLink() {
    JsonNode firstPage = resolver(1).resolve(requestWithoutMedicationRequests()).get("medicationRequests").orElseThrow();
    assertThat(Bundles.nextLink(firstPage)).isPresent();
    ehr.clearRequests();

    HookRequest request =
        HookRequests.orderSign(ehr.baseUrl()).completePrefetch().prefetch("medicationRequests", firstPage).build();
    PrefetchData data = resolver(5).resolve(request);

    assertThat(PrefetchResolverTest.ids(data.get("medicationRequests").orElseThrow()))
        .containsExactly("mr-1", "mr-2", "mr-3", "mr-4", "mr-5");
    // Two page reads, then the Medication that a prescription on page one references.
    assertThat(ehr.requests()).extracting(r -> r.isPageRequest() ? "page" : r.relativeUrl())
        .containsExactly("page", "page", "Medication/" + TestChart.IRON_MEDICATION_ID);
  }

  @Test
  void pagedBundleSuppliedWithoutATokenIsUsedAsSent() {
    JsonNode firstPage = resolver(1).resolve(requestWithoutMedicationRequests()).get("medicationRequests").orElseThrow();
    ehr.clearRequests();

    HookRequest request = HookRequests.orderSign().completePrefetch().prefetch("medicationRequests", firstPage).build();
    PrefetchData data = resolver(5).resolve(request);

    assertThat(PrefetchResolverTest.ids(data.get("medicationRequests").orElseThrow())).containsExactly("mr-1", "mr-2");
    assertThat(ehr.requests()).isEmpty();
  }

  @Test
  void pagedBundleSuppliedByTheClientIsKeptWhenReadingOnRunsOutOfTime() {
    JsonNode firstPage = resolver(1).resolve(requestWithoutMedicationRequests()).get("medicationRequests").orElseThrow();
    ehr.delay(java.time.Duration.ofSeconds(2));

    HookRequest request =
        HookRequests.orderSign(ehr.baseUrl()).completePrefetch().prefetch("medicationRequests", firstPage).build();
    PrefetchOptions options =
        PrefetchOptions.defaults().withDeadline(java.time.Duration.ofMillis(200))
            .withAllowedServers(List.of(ehr.baseUrl().toString()));
    PrefetchData data = new PrefetchResolver(TestChart.templates(), options, PrefetchMetrics.NONE).resolve(request);

    assertThat(PrefetchResolverTest.ids(data.get("medicationRequests").orElseThrow())).containsExactly("mr-1", "mr-2");
  }

  private static HookRequest requestWithoutMedicationRequests() {
    return HookRequests.orderSign(ehr.baseUrl()).completePrefetch().without("medicationRequests").build();
  }

  private static PrefetchResolver resolver(int pageCap) {
    PrefetchOptions options =
        PrefetchOptions.defaults().withPageCap(pageCap).withAllowedServers(List.of(ehr.baseUrl().toString()));
    return new PrefetchResolver(TestChart.templates(), options, PrefetchMetrics.NONE);
  }
}
