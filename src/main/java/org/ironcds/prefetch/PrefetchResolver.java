package org.ironcds.prefetch;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.httpclient.LazyHttpClient;

/**
 * Gets the data a hook call needs, from the request's prefetch where the client supplied it and from
 * the client's FHIR server where it did not.
 *
 * <p>Per template key: a resource or Bundle is used as sent (a Bundle with a {@code next} link is
 * paged further when possible); {@code null} means no data and is never fetched; an absent key or an
 * OperationOutcome is fetched from {@code fhirServer} with the request's bearer token. All fetches
 * run in parallel under one deadline; Medications that orders reference but the request lacks are
 * read too. When a required key cannot be had, {@link #resolve} throws {@link MissingDataException}
 * (HTTP 412) naming it.
 *
 * <p>Only servers on the allow-list are contacted. Tokens, URLs with patient ids, and resource
 * bodies never reach a log line. Instances are immutable and safe for concurrent use; share one,
 * since it owns an HTTP client and its connection pool (built on first use unless given).
 */
public final class PrefetchResolver {
  private final PrefetchTemplates templates;
  private final PrefetchOptions options;
  private final PrefetchMetrics metrics;
  private final FhirServerPolicy policy;
  private final FhirFetcher fetcher;
  private final Clock clock;

  /** A resolver whose HTTP client is built when it first has to fetch, if ever. */
  public PrefetchResolver(PrefetchTemplates templates, PrefetchOptions options, PrefetchMetrics metrics) {
    this(templates, options, metrics, new LazyHttpClient(() -> FhirFetcher.newClient(options)), Clock.systemUTC());
  }

  /** A resolver fetching with {@code client}, made by {@link #newHttpClient} with the same options. */
  public PrefetchResolver(PrefetchTemplates templates, PrefetchOptions options, PrefetchMetrics metrics,
      HttpClient client) {
    this(templates, options, metrics, LazyHttpClient.of(client), Clock.systemUTC());
  }

  PrefetchResolver(
      PrefetchTemplates templates, PrefetchOptions options, PrefetchMetrics metrics, HttpClient client, Clock clock) {
    this(templates, options, metrics, LazyHttpClient.of(client), clock);
  }

  private PrefetchResolver(PrefetchTemplates templates, PrefetchOptions options, PrefetchMetrics metrics,
      LazyHttpClient client, Clock clock) {
    this.templates = Objects.requireNonNull(templates, "templates == null");
    this.options = Objects.requireNonNull(options, "options == null");
    this.metrics = Objects.requireNonNull(metrics, "metrics == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.policy = FhirServerPolicy.of(options.allowedServers());
    this.fetcher = new FhirFetcher(client, new CdsHooksJson(), options, metrics, clock);
  }

  /**
   * The HTTP client {@code options} call for (HTTP/1.1, their connect timeout, no redirects), for
   * a caller that builds it ahead, off its start-up path (see {@link LazyHttpClient}).
   */
  public static HttpClient newHttpClient(PrefetchOptions options) {
    return FhirFetcher.newClient(options);
  }

  /** Resolves with the keys the templates mark {@code required}. */
  public PrefetchData resolve(HookRequest request) {
    return resolve(request, templates.requiredKeys());
  }

  /**
   * Resolves every template key for one hook call.
   *
   * @param requiredKeys the keys this service cannot advise without; each must be a template key
   * @throws MissingDataException if a required key could be had neither from the request nor from
   *     the FHIR server in time
   */
  public PrefetchData resolve(HookRequest request, Set<String> requiredKeys) {
    Objects.requireNonNull(request, "request == null");
    for (String key : requiredKeys) {
      if (templates.find(key).isEmpty()) {
        throw new IllegalArgumentException("required key has no prefetch template: " + key);
      }
    }
    Instant deadline = clock.instant().plus(options.deadline());
    return new Resolution(templates, policy, fetcher, metrics, clock, request, requiredKeys, deadline).run();
  }

  public PrefetchTemplates templates() {
    return templates;
  }

  public PrefetchOptions options() {
    return options;
  }
}
