package org.ironcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {
  @Test
  void rendersRulesSuggestionsReasonsAndUnattributedFeedback() {
    assertThat(SummaryTable.render(SummaryFixtures.known())).isEqualTo("""
        Feedback summary: cards issued from 2026-11-01T00:00:00Z until now, service iron-sign (generated 2026-11-21T15:30:00Z)

        SERVICE    RULE                 ISSUED  ACCEPTED  OVERRIDDEN  ACCEPTANCE
        ---------  -------------------  ------  --------  ----------  ----------
        iron-sign  iv-iron-denosumab         4         2           1       50.0%
        iron-sign  iv-iron-zoledronate       3         0           0        0.0%

        iron-sign / iv-iron-denosumab
          SUGGESTION       OFFERED  ACCEPTED
          ---------------  -------  --------
          Hold iron              4         1
          Order phosphate        4         2

          OVERRIDE REASON         CODE                            CARDS
          ----------------------  ------------------------------  -----
          Benefit outweighs risk  https://ironcds.org/or|benefit      1
          (no coded reason)                                           0
          Overrides with a comment: 1

        iron-sign / iv-iron-zoledronate

        Feedback on cards with no issue record (unattributed), in cards:
          SERVICE    ACCEPTED  OVERRIDDEN
          ---------  --------  ----------
          iron-sign         0           2
        """);
  }

  @Test
  void saysSoWhenNoCardsWereIssued() {
    FeedbackSummary empty = new FeedbackSummary(SummaryQuery.all(), Instant.parse("2026-11-21T15:30:00Z"), List.of(), List.of());

    assertThat(SummaryTable.render(empty)).isEqualTo("""
        Feedback summary: cards issued from the beginning until now, all services (generated 2026-11-21T15:30:00Z)

        No cards were issued in this period.
        """);
  }

  @Test
  void controlCharactersAndLongLabelsCannotBreakTheLayout() {
    TextTable table = new TextTable("A").row("x\u001b[2Jy").row("z".repeat(100));

    assertThat(table.render("")).doesNotContain("\u001b").contains("z".repeat(59) + "…\n");
  }
}
