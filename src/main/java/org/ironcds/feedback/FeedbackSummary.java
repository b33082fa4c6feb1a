package org.ironcds.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What clinicians did with the cards issued, per service and rule, for one {@link SummaryQuery}.
 *
 * <p>Counts are of distinct cards: a card with several accepted feedback items counts once as
 * accepted, and a card that was both accepted and (at another time) overridden counts in both.
 * Feedback for cards this store never recorded is counted apart, per service, in {@code
 * unattributed}.
 */
public record FeedbackSummary(
    SummaryQuery query, Instant generatedAt, List<RuleSummary> rules, List<Unattributed> unattributed) {
  public FeedbackSummary {
    Objects.requireNonNull(query, "query == null");
    Objects.requireNonNull(generatedAt, "generatedAt == null");
    rules = List.copyOf(rules);
    unattributed = List.copyOf(unattributed);
  }

  /**
   * The figures of one rule of one service. {@code acceptanceRate} is accepted cards divided by
   * issued cards (0 when none were issued); cards without feedback were ignored by the clinician.
   */
  public record RuleSummary(
      String serviceId,
      String ruleId,
      long issued,
      long accepted,
      long overridden,
      double acceptanceRate,
      long overriddenWithComment,
      long overriddenWithoutReason,
      List<SuggestionCount> suggestions,
      List<ReasonCount> overrideReasons) {
    public RuleSummary {
      Objects.requireNonNull(serviceId, "serviceId == null");
      Objects.requireNonNull(ruleId, "ruleId == null");
      suggestions = List.copyOf(suggestions);
      overrideReasons = List.copyOf(overrideReasons);
    }

    static double rate(long accepted, long issued) {
      return issued == 0 ? 0.0 : (double) accepted / issued;
    }
  }

  /** A suggestion, by label: how many issued cards offered it and on how many it was accepted. */
  public record SuggestionCount(String label, long offered, long accepted) {
    public SuggestionCount {
      Objects.requireNonNull(label, "label == null");
    }
  }

  /** A coded override reason and on how many cards it was given. */
  public record ReasonCount(String system, String code, Optional<String> display, long count) {
    public ReasonCount {
      Objects.requireNonNull(system, "system == null");
      Objects.requireNonNull(code, "code == null");
      Objects.requireNonNull(display, "display == null");
    }
  }

  /** Feedback posted to {@code serviceId} for cards this store has no record of, in distinct cards. */
  public record Unattributed(String serviceId, long accepted, long overridden) {
    public Unattributed {
      Objects.requireNonNull(serviceId, "serviceId == null");
    }
  }
}
