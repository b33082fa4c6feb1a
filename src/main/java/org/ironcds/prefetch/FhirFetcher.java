package org.ironcds.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.httpclient.CappedBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads FHIR JSON from a client's server without blocking: one GET per call, or a search followed
 * through its {@code next} links. Every exchange is bounded by the per-request timeout, the call's
 * deadline and the response size cap. Failures complete the future with a {@link FetchException}.
 */
final class FhirFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(FhirFetcher.class);

  private final Supplier<HttpClient> client;
  private final CdsHooksJson json;
  private final PrefetchOptions options;
  private final PrefetchMetrics metrics;
  private final Clock clock;

  FhirFetcher(Supplier<HttpClient> client, CdsHooksJson json, PrefetchOptions options, PrefetchMetrics metrics, Clock clock) {
    this.client = client;
    this.json = json;
    this.options = options;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** The HTTP client the defaults call for: HTTP/1.1, connect timeout, never follows redirects. */
  static HttpClient newClient(PrefetchOptions options) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(options.requestTimeout())
        // A redirect could carry the token to a server the allow-list never saw.
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Reads one resource or search and every further page, up to the page cap, as one value. */
  CompletableFuture<JsonNode> read(FhirConnection connection, URI url, Instant deadline) {
    return get(connection, url, deadline).thenCompose(first -> pages(connection, first, deadline, true));
  }

  /**
   * Follows the {@code next} links of a Bundle that already holds the first page. With {@code
   * strict}, a page that fails fails the whole value; otherwise the pages read so far are kept.
   */
  CompletableFuture<JsonNode> pages(FhirConnection connection, JsonNode first, Instant deadline, boolean strict) {
    List<JsonNode> pages = new ArrayList<>();
    pages.add(first);
    return follow(connection, pages, deadline, strict).thenApply(Bundles::merge);
  }

  /** One GET, parsed; an OperationOutcome answer is a failure. */
  CompletableFuture<JsonNode> get(FhirConnection connection, URI url, Instant deadline) {
    Duration remaining = Duration.between(clock.instant(), deadline);
    if (remaining.isNegative() || remaining.isZero()) {
      return CompletableFuture.failedFuture(new FetchException(FetchFailure.DEADLINE));
    }
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(url)
              .timeout(remaining.compareTo(options.requestTimeout()) < 0 ? remaining : options.requestTimeout())
              .header("Accept", "application/fhir+json")
              .header("Authorization", "Bearer " + connection.accessToken())
              .GET()
              .build();
    } catch (IllegalArgumentException e) {
      // A URL or header the client refuses to send; its message could quote the token, so drop it.
      return CompletableFuture.failedFuture(new FetchException(FetchFailure.IO_ERROR));
    }
    long started = System.nanoTime();
    return client.get()
        .sendAsync(request, CappedBody.handler(options.maxResponseBytes(), () -> new FetchException(FetchFailure.TOO_LARGE)))
        .handle((response, error) -> parse(response, error, deadline))
        .whenComplete(
            (value, error) -> metrics.fetchLatency(Duration.ofNanos(System.nanoTime() - started), error == null));
  }

  private CompletableFuture<List<JsonNode>> follow(
      FhirConnection connection, List<JsonNode> pages, Instant deadline, boolean strict) {
    Optional<URI> next = nextUrl(connection, pages.get(pages.size() - 1));
    if (next.isEmpty()) {
      return CompletableFuture.completedFuture(pages);
    }
    if (pages.size() >= options.pageCap()) {
      LOG.info("prefetch_page_cap_reached pages={} host={}", pages.size(), connection.host());
      return CompletableFuture.completedFuture(pages);
    }
    CompletableFuture<List<JsonNode>> more =
        get(connection, next.get(), deadline)
            .thenCompose(
                page -> {
                  pages.add(page);
                  return follow(connection, pages, deadline, strict);
                });
    return strict ? more : more.exceptionally(error -> pages);
  }

  private Optional<URI> nextUrl(FhirConnection connection, JsonNode page) {
    if (!Bundles.isBundle(page)) {
      return Optional.empty();
    }
    Optional<String> link = Bundles.nextLink(page);
    if (link.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI next = connection.resolve("").resolve(new URI(link.get()));
      if (connection.mayFollow(next)) {
        return Optional.of(next);
      }
      LOG.warn("prefetch_next_link_refused host={}", next.getHost());
    } catch (URISyntaxException | IllegalArgumentException e) {
      LOG.warn("prefetch_next_link_invalid host={}", connection.host());
    }
    return Optional.empty();
  }

  private JsonNode parse(HttpResponse<byte[]> response, Throwable error, Instant deadline) {
    if (error != null) {
      throw FetchException.from(error, !clock.instant().isBefore(deadline));
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new FetchException(FetchFailure.UNAUTHORIZED, OptionalInt.of(status));
    }
    if (status / 100 != 2) {
      throw new FetchException(FetchFailure.HTTP_ERROR, OptionalInt.of(status));
    }
    JsonNode body;
    try {
      body = json.readFhirResource(response.body());
    } catch (IOException e) {
      throw new FetchException(FetchFailure.UNPARSEABLE, OptionalInt.of(status));
    }
    if (body == null || !body.isObject() || !body.path("resourceType").isTextual()) {
      throw new FetchException(FetchFailure.UNPARSEABLE, OptionalInt.of(status));
    }
    if (Bundles.isOperationOutcome(body) || Bundles.reportsError(body)) {
      throw new FetchException(FetchFailure.OPERATION_OUTCOME, OptionalInt.of(status));
    }
    return body;
  }
}
