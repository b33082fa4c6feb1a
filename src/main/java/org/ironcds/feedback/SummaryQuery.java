package org.ironcds.feedback;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which cards a {@link FeedbackSummary} covers: those issued at or after {@code since} and before
 * {@code until}, by the service {@code serviceId}; each bound is optional. Feedback is counted for
 * the cards selected, whenever it arrived. Unattributed feedback has no issuing time, so for it the
 * bounds apply to its {@code outcomeTimestamp} instead.
 */
public record SummaryQuery(Optional<Instant> since, Optional<Instant> until, Optional<String> serviceId) {
  public SummaryQuery {
    Objects.requireNonNull(since, "since == null");
    Objects.requireNonNull(until, "until == null");
    Objects.requireNonNull(serviceId, "serviceId == null");
    serviceId = serviceId.filter(id -> !id.isBlank());
    if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
      throw new IllegalArgumentException("since must be before until");
    }
  }

  /** Everything stored. */
  public static SummaryQuery all() {
    return new SummaryQuery(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
