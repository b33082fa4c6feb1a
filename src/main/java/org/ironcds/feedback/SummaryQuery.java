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

  /**
   * A query from text, as a command line or URL gives it: {@code since} and {@code until} as a date
   * ({@code 2026-11-01}, start of day UTC) or an RFC 3339 date-time with offset.
   *
   * @throws IllegalArgumentException with a message fit for the user if a value is not valid
   */
  public static SummaryQuery parse(Optional<String> since, Optional<String> until, Optional<String> serviceId) {
    return new SummaryQuery(Times.parse("since", since), Times.parse("until", until), serviceId.map(String::trim));
  }

  /** Everything stored. */
  public static SummaryQuery all() {
    return new SummaryQuery(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
