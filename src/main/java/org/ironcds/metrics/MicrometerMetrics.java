package org.ironcds.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * {@link Metrics} recorded in a Prometheus registry, plus JVM metrics. Request latency is a
 * histogram with buckets from 0.5 ms, since the service aims at single-digit milliseconds.
 */
public final class MicrometerMetrics implements Metrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  public MicrometerMetrics() {
    this(true);
  }

  private MicrometerMetrics(boolean jvmMetrics) {
    if (!jvmMetrics) {
      return;
    }
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /**
   * A registry nobody scrapes, without JVM metrics: the start-up warm-up records into it so that
   * the first real request finds meter creation warm, while the real registry stays empty.
   */
  public static MicrometerMetrics scratch() {
    return new MicrometerMetrics(false);
  }

  /** Publishes a gauge read from {@code source}, e.g. the HTTP thread pool's busy threads. */
  public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
    Gauge.builder(name, source, value).description(description).register(registry);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /**
   * Creates at zero the series every instance has: each service's successful calls on {@code
   * serviceRoute}, and each prefetch key's count for each of {@code prefetchOutcomes}. Why: Prometheus
   * computes a rate between two samples of a series, so a series that first appears with a call
   * hides that call from {@code rate()} and {@code increase()}; and the first call no longer pays
   * for creating its meters.
   */
  public void declareKnown(String serviceRoute, Collection<String> serviceIds, Collection<String> prefetchKeys,
      Collection<String> prefetchOutcomes) {
    serviceIds.forEach(service -> requests(serviceRoute, service, 200));
    for (String key : prefetchKeys) {
      for (String outcome : prefetchOutcomes) {
        prefetchKeys(key, outcome);
      }
    }
  }

  @Override
  public void requestCompleted(String route, String service, int status, long nanos) {
    requests(route, service, status).record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer requests(String route, String service, int status) {
    return Timer.builder("ironcds.http.requests").description("HTTP requests by route, service and status")
        .tags("route", route, "service", service, "status", Integer.toString(status))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(500_000))
        .maximumExpectedValue(Duration.ofSeconds(5))
        .register(registry);
  }

  @Override
  public void cardIssued(String serviceId, String ruleId, String indicator) {
    Counter.builder("ironcds.cards.issued").description("Cards issued by rule and indicator")
        .tags("service", serviceId, "rule", ruleId, "indicator", indicator).register(registry).increment();
  }

  @Override
  public void authenticationFailed(String reason) {
    Counter.builder("ironcds.auth.failures").description("Refused authentications by reason")
        .tag("reason", reason).register(registry).increment();
  }

  @Override
  public void prefetchKey(String key, String outcome) {
    prefetchKeys(key, outcome).increment();
  }

  private Counter prefetchKeys(String key, String outcome) {
    return Counter.builder("ironcds.prefetch.keys").description("Prefetch keys supplied, fetched or failed")
        .tags("key", key, "outcome", outcome).register(registry);
  }

  @Override
  public void fhirFetch(long nanos, boolean succeeded) {
    Timer.builder("ironcds.fhir.fetch").description("Requests to EHR FHIR servers")
        .tag("outcome", succeeded ? "success" : "failure")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void feedbackStored(String outcome) {
    Counter.builder("ironcds.feedback.items").description("Feedback items stored by outcome")
        .tag("outcome", outcome).register(registry).increment();
  }
}
