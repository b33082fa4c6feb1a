package org.ironcds.feedback;

import java.util.Locale;
import org.ironcds.feedback.FeedbackSummary.ReasonCount;
import org.ironcds.feedback.FeedbackSummary.RuleSummary;
import org.ironcds.feedback.FeedbackSummary.SuggestionCount;
import org.ironcds.feedback.FeedbackSummary.Unattributed;

/**
 * Renders a {@link FeedbackSummary} as readable fixed-width text: one line per service and rule,
 * then each rule's suggestions and override reasons, then feedback that could not be attributed.
 */
public final class SummaryTable {
  private SummaryTable() {}

  public static String render(FeedbackSummary summary) {
    StringBuilder out = new StringBuilder(title(summary)).append("\n\n");
    if (summary.rules().isEmpty()) {
      out.append("No cards were issued in this period.\n");
    } else {
      TextTable rules = new TextTable("SERVICE", "RULE", "ISSUED", "ACCEPTED", "OVERRIDDEN", "ACCEPTANCE")
          .numeric(2, 3, 4, 5);
      for (RuleSummary rule : summary.rules()) {
        rules.row(rule.serviceId(), rule.ruleId(), rule.issued(), rule.accepted(), rule.overridden(),
            percent(rule.acceptanceRate()));
      }
      out.append(rules.render(""));
      summary.rules().forEach(rule -> out.append('\n').append(details(rule)));
    }
    if (!summary.unattributed().isEmpty()) {
      out.append("\nFeedback on cards with no issue record (unattributed), in cards:\n");
      TextTable table = new TextTable("SERVICE", "ACCEPTED", "OVERRIDDEN").numeric(1, 2);
      for (Unattributed u : summary.unattributed()) {
        table.row(u.serviceId(), u.accepted(), u.overridden());
      }
      out.append(table.render("  "));
    }
    return out.toString();
  }

  private static String title(FeedbackSummary summary) {
    SummaryQuery query = summary.query();
    String since = query.since().map(Object::toString).orElse("the beginning");
    String until = query.until().map(Object::toString).orElse("now");
    return "Feedback summary: cards issued from " + since + " until " + until
        + query.serviceId().map(s -> ", service " + s).orElse(", all services")
        + " (generated " + summary.generatedAt() + ")";
  }

  private static String details(RuleSummary rule) {
    StringBuilder out = new StringBuilder(rule.serviceId() + " / " + rule.ruleId() + "\n");
    if (!rule.suggestions().isEmpty()) {
      TextTable suggestions = new TextTable("SUGGESTION", "OFFERED", "ACCEPTED").numeric(1, 2);
      for (SuggestionCount s : rule.suggestions()) {
        suggestions.row(s.label(), s.offered(), s.accepted());
      }
      out.append(suggestions.render("  "));
    }
    if (rule.overridden() > 0) {
      TextTable reasons = new TextTable("OVERRIDE REASON", "CODE", "CARDS").numeric(2);
      for (ReasonCount r : rule.overrideReasons()) {
        reasons.row(r.display().orElse(r.code()), r.system() + "|" + r.code(), r.count());
      }
      reasons.row("(no coded reason)", "", rule.overriddenWithoutReason());
      out.append(rule.suggestions().isEmpty() ? "" : "\n").append(reasons.render("  "));
      out.append("  Overrides with a comment: ").append(rule.overriddenWithComment()).append('\n');
    }
    return out.toString();
  }

  private static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }
}
