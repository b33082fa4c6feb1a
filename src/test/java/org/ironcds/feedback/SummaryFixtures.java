package org.ironcds.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ironcds.feedback.FeedbackSummary.ReasonCount;
import org.ironcds.feedback.FeedbackSummary.RuleSummary;
import org.ironcds.feedback.FeedbackSummary.SuggestionCount;
import org.ironcds.feedback.FeedbackSummary.Unattributed;

/** A small known summary for rendering tests. */
final class SummaryFixtures {
  private SummaryFixtures() {}

  static FeedbackSummary known() {
    SummaryQuery query = new SummaryQuery(
        Optional.of(Instant.parse("2026-11-01T00:00:00Z")), Optional.empty(), Optional.of("iron-sign"));
    return new FeedbackSummary(query, Instant.parse("2026-11-21T15:30:00Z"),
        List.of(
            new RuleSummary("iron-sign", "iv-iron-denosumab", 4, 2, 1, 0.5, 1, 0,
                List.of(new SuggestionCount("Hold iron", 4, 1), new SuggestionCount("Order phosphate", 4, 2)),
                List.of(new ReasonCount("https://ironcds.org/or", "benefit", Optional.of("Benefit outweighs risk"), 1))),
            new RuleSummary("iron-sign", "iv-iron-zoledronate", 3, 0, 0, 0.0, 0, 0, List.of(), List.of())),
        List.of(new Unattributed("iron-sign", 0, 2)));
  }
}
