package org.ironcds.cdshooks;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of a feedback request: the outcome a clinician chose for one card.
 *
 * <p>Accepted items name at least one accepted suggestion and carry no override reason; overridden
 * items name no suggestions. {@code outcomeTimestamp} is the client's time of the decision.
 */
public record FeedbackItem(
    UUID card,
    Outcome outcome,
    List<UUID> acceptedSuggestions,
    Optional<OverrideReason> overrideReason,
    Instant outcomeTimestamp) {
  public FeedbackItem {
    Objects.requireNonNull(card, "card == null");
    Objects.requireNonNull(outcome, "outcome == null");
    acceptedSuggestions = List.copyOf(acceptedSuggestions);
    Objects.requireNonNull(overrideReason, "overrideReason == null");
    Objects.requireNonNull(outcomeTimestamp, "outcomeTimestamp == null");
    if (outcome == Outcome.ACCEPTED && acceptedSuggestions.isEmpty()) {
      throw new IllegalArgumentException("accepted feedback needs at least one accepted suggestion");
    }
    if (outcome == Outcome.OVERRIDDEN && !acceptedSuggestions.isEmpty()) {
      throw new IllegalArgumentException("overridden feedback has no accepted suggestions");
    }
    if (outcome == Outcome.ACCEPTED && overrideReason.isPresent()) {
      throw new IllegalArgumentException("accepted feedback has no override reason");
    }
  }

  public static FeedbackItem accepted(UUID card, List<UUID> suggestions, Instant at) {
    return new FeedbackItem(card, Outcome.ACCEPTED, suggestions, Optional.empty(), at);
  }

  public static FeedbackItem overridden(UUID card, Optional<OverrideReason> reason, Instant at) {
    return new FeedbackItem(card, Outcome.OVERRIDDEN, List.of(), reason, at);
  }
}
