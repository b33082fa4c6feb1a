package org.ironcds.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.cdshooks.Prefetch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resolution of one hook call's prefetch: sorts the keys by what the client sent, fetches the
 * missing ones in parallel, checks the required ones, then reads referenced Medications. Used once,
 * by one thread.
 */
final class Resolution {
  private static final Logger LOG = LoggerFactory.getLogger(PrefetchResolver.class);
  /** Metric key for Medication reads; their ids are not logged. */
  static final String MEDICATION_KEY = "medicationReference";
  /** More distinct Medications than this in one history is not plausible; stay bounded. */
  static final int MAX_MEDICATION_READS = 50;

  private final PrefetchTemplates templates;
  private final FhirServerPolicy policy;
  private final FhirFetcher fetcher;
  private final PrefetchMetrics metrics;
  private final Clock clock;
  private final HookRequest request;
  private final Set<String> required;
  private final Instant start;
  private final Instant deadline;

  private final Map<String, JsonNode> values = new LinkedHashMap<>();
  private final Map<String, FetchException> failures = new LinkedHashMap<>();
  private final Map<String, String> toFetch = new LinkedHashMap<>();
  private final List<String> toPage = new ArrayList<>();
  private Optional<Optional<FhirConnection>> connection = Optional.empty();
  private int supplied;
  private int fetched;

  Resolution(
      PrefetchTemplates templates,
      FhirServerPolicy policy,
      FhirFetcher fetcher,
      PrefetchMetrics metrics,
      Clock clock,
      HookRequest request,
      Set<String> required,
      Instant deadline) {
    this.templates = templates;
    this.policy = policy;
    this.fetcher = fetcher;
    this.metrics = metrics;
    this.clock = clock;
    this.request = request;
    this.required = Set.copyOf(required);
    this.start = clock.instant();
    this.deadline = deadline;
  }

  PrefetchData run() {
    templates.all().forEach(this::sort);
    if (!toFetch.isEmpty() || !toPage.isEmpty()) {
      fetchAndPage();
    }
    failIfRequiredMissing();
    List<JsonNode> medications = readMedications();
    logSummary(medications.size());
    return new PrefetchData(inTemplateOrder(), medications);
  }

  /** Files one key under supplied, no data, or to fetch, as the spec's decision tree says. */
  private void sort(PrefetchTemplate template) {
    String key = template.key();
    Prefetch.State state = request.prefetch().state(key);
    if (state == Prefetch.State.PRESENT && Bundles.reportsError(request.prefetch().value(key))) {
      LOG.info("prefetch_value_reports_error key={}", key);
      state = Prefetch.State.OPERATION_OUTCOME;
    }
    if (state == Prefetch.State.PRESENT || state == Prefetch.State.NO_DATA) {
      supplied++;
      metrics.keySupplied(key);
    }
    if (state == Prefetch.State.PRESENT) {
      JsonNode value = request.prefetch().value(key);
      values.put(key, value);
      if (Bundles.isBundle(value) && Bundles.nextLink(value).isPresent()) {
        toPage.add(key);
      }
    } else if (state == Prefetch.State.ABSENT || state == Prefetch.State.OPERATION_OUTCOME) {
      Optional<String> query = TemplateExpander.expand(template.query(), request.context());
      if (query.isPresent()) {
        toFetch.put(key, query.get());
      } else {
        fail(key, new FetchException(FetchFailure.NOT_EXPANDABLE));
      }
    }
  }

  private void fetchAndPage() {
    Optional<FhirConnection> server = connection();
    if (server.isEmpty()) {
      FetchFailure reason = refusal();
      toFetch.keySet().forEach(key -> fail(key, new FetchException(reason)));
      return;
    }
    // Fail before any call if a required key is already lost: the answer is 412 either way.
    failIfRequiredMissing();
    Map<String, CompletableFuture<JsonNode>> launched = new LinkedHashMap<>();
    FhirConnection fhir = server.get();
    toFetch.forEach((key, query) -> launched.put(key, fetcher.read(fhir, fhir.resolve(query), deadline)));
    toPage.forEach(key -> launched.put(key, fetcher.pages(fhir, values.get(key), deadline, false)));
    await(launched).forEach(this::record);
  }

  private void record(String key, FetchResult result) {
    if (result.value().isPresent()) {
      values.put(key, result.value().get());
      if (toFetch.containsKey(key)) {
        fetched++;
        metrics.keyFetched(key);
        LOG.debug("prefetch_fetched key={} latency_ms={}", key, result.latency().toMillis());
      }
    } else if (toFetch.containsKey(key)) {
      fail(key, result.failure().orElseThrow());
    } else {
      // The client's own first pages stay usable when reading on from them runs out of time.
      LOG.info("prefetch_paging_incomplete key={} reason={}", key, result.failure().orElseThrow().failure().code());
    }
  }

  private void fail(String key, FetchException failure) {
    failures.put(key, failure);
    metrics.fetchFailed(key, failure.failure());
    String status = failure.status().isPresent() ? String.valueOf(failure.status().getAsInt()) : "-";
    String reason = failure.failure().code();
    if (required.contains(key)) {
      LOG.warn("prefetch_fetch_failed key={} reason={} status={} required=true", key, reason, status);
    } else {
      LOG.info("prefetch_fetch_failed key={} reason={} status={} required=false", key, reason, status);
    }
  }

  private void failIfRequiredMissing() {
    List<String> missing = failures.keySet().stream().filter(required::contains).toList();
    if (missing.isEmpty()) {
      return;
    }
    String why =
        missing.stream()
            .map(key -> key + " (" + failures.get(key).failure().code() + ")")
            .collect(Collectors.joining(", "));
    LOG.warn("prefetch_required_missing keys={} elapsed_ms={}", missing, elapsed().toMillis());
    throw new MissingDataException(
        missing, "Required prefetch data could be had neither from the request nor from the FHIR server: " + why);
  }

  /** The call's FHIR server and token, once checked; empty when there is none or it is refused. */
  private Optional<FhirConnection> connection() {
    if (connection.isEmpty()) {
      connection = Optional.of(openConnection());
    }
    return connection.get();
  }

  private Optional<FhirConnection> openConnection() {
    if (request.fhirServer().isEmpty() || request.fhirAuthorization().isEmpty()) {
      return Optional.empty();
    }
    URI server = request.fhirServer().get();
    if (!policy.allows(server) || server.getRawQuery() != null || server.getRawFragment() != null) {
      LOG.warn("fhir_server_refused host={}", server.getHost());
      return Optional.empty();
    }
    String token = request.fhirAuthorization().get().accessToken();
    if (!usableToken(token)) {
      LOG.warn("fhir_token_unusable host={}", server.getHost());
      return Optional.empty();
    }
    return Optional.of(new FhirConnection(server, token, policy));
  }

  /** A bearer token must fit in a header as is: visible ASCII, no spaces (RFC 6750 is stricter). */
  private static boolean usableToken(String token) {
    return !token.isEmpty() && token.chars().allMatch(c -> c > 0x20 && c < 0x7F);
  }

  private FetchFailure refusal() {
    if (request.fhirServer().isEmpty() || request.fhirAuthorization().isEmpty()) {
      return FetchFailure.NOT_CONFIGURED;
    }
    return usableToken(request.fhirAuthorization().get().accessToken())
        ? FetchFailure.SERVER_REFUSED
        : FetchFailure.UNAUTHORIZED;
  }

  /** Reads the Medications that orders reference and nothing in the request holds; failures are tolerated. */
  private List<JsonNode> readMedications() {
    List<JsonNode> scope = new ArrayList<>(values.values());
    scope.add(request.context().draftOrders());
    Set<String> references = MedicationReferences.unresolved(scope, request.fhirServer());
    if (references.isEmpty()) {
      return List.of();
    }
    Optional<FhirConnection> server = connection();
    if (server.isEmpty()) {
      LOG.info("prefetch_medications_unread count={} reason={}", references.size(), refusal().code());
      return List.of();
    }
    Map<String, CompletableFuture<JsonNode>> launched = new LinkedHashMap<>();
    FhirConnection fhir = server.get();
    references.stream()
        .limit(MAX_MEDICATION_READS)
        .forEach(reference -> launched.put(reference, fetcher.get(fhir, fhir.resolve(reference), deadline)));
    List<JsonNode> medications = new ArrayList<>();
    await(launched).forEach((reference, result) -> keepMedication(result, medications));
    return medications;
  }

  private void keepMedication(FetchResult result, List<JsonNode> medications) {
    Optional<JsonNode> medication =
        result.value().filter(value -> "Medication".equals(value.path("resourceType").asText()));
    if (medication.isPresent()) {
      medications.add(medication.get());
      metrics.keyFetched(MEDICATION_KEY);
    } else {
      FetchFailure reason = result.failure().map(FetchException::failure).orElse(FetchFailure.UNPARSEABLE);
      metrics.fetchFailed(MEDICATION_KEY, reason);
      LOG.info("prefetch_medication_unread reason={}", reason.code());
    }
  }

  private Map<String, FetchResult> await(Map<String, CompletableFuture<JsonNode>> launched) {
    return FetchResult.awaitAll(launched, deadline, clock);
  }

  private Map<String, JsonNode> inTemplateOrder() {
    Map<String, JsonNode> ordered = new LinkedHashMap<>();
    templates.keys().stream().filter(values::containsKey).forEach(key -> ordered.put(key, values.get(key)));
    return ordered;
  }

  private void logSummary(int medications) {
    // DEBUG: the request log already has one INFO line per call; this detail is for diagnosis.
    LOG.debug(
        "prefetch_resolved keys={} supplied={} fetched={} failed={} medications_read={} elapsed_ms={}",
        templates.keys().size(),
        supplied,
        fetched,
        failures.size(),
        medications,
        elapsed().toMillis());
  }

  private Duration elapsed() {
    return Duration.between(start, clock.instant());
  }
}
