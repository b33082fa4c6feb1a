package org.ironcds.metrics;

/** The events the service reports. Implementations must be cheap and safe for concurrent use. */
public interface Metrics {
  /** Reports nothing. */
  Metrics NONE = new Metrics() {};

  /** One HTTP request finished. {@code service} is the CDS service id or {@code none}. */
  default void requestCompleted(String route, String service, int status, long nanos) {}

  /** A card left the service. */
  default void cardIssued(String serviceId, String ruleId, String indicator) {}

  /** A request failed authentication, for the given short reason. */
  default void authenticationFailed(String reason) {}

  /** A prefetch key was {@code supplied} by the client, {@code fetched} by us, or {@code failed}. */
  default void prefetchKey(String key, String outcome) {}

  /** One request to an EHR's FHIR server finished. */
  default void fhirFetch(long nanos, boolean succeeded) {}

  /** One feedback item was stored, with outcome {@code accepted} or {@code overridden}. */
  default void feedbackStored(String outcome) {}
}
