package org.ironcds.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ironcds.feedback.FeedbackSummary.ReasonCount;
import org.ironcds.feedback.FeedbackSummary.RuleSummary;
import org.ironcds.feedback.FeedbackSummary.SuggestionCount;
import org.ironcds.feedback.FeedbackSummary.Unattributed;

/**
 * Writes a {@link FeedbackSummary} as the JSON body of {@code GET /admin/feedback/summary}. The
 * shape is documented in {@code docs/feedback.md}; lists are always present, even when empty.
 */
public final class SummaryJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SummaryJson() {}

  public static byte[] write(FeedbackSummary summary) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("generatedAt", summary.generatedAt().toString());
    ObjectNode query = root.putObject("query");
    summary.query().since().ifPresent(since -> query.put("since", since.toString()));
    summary.query().until().ifPresent(until -> query.put("until", until.toString()));
    summary.query().serviceId().ifPresent(service -> query.put("service", service));
    ArrayNode rules = root.putArray("rules");
    summary.rules().forEach(rule -> rules.add(rule(rule)));
    ArrayNode unattributed = root.putArray("unattributed");
    for (Unattributed u : summary.unattributed()) {
      unattributed.addObject().put("service", u.serviceId()).put("accepted", u.accepted()).put("overridden", u.overridden());
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the feedback summary", e);
    }
  }

  private static ObjectNode rule(RuleSummary rule) {
    ObjectNode node = MAPPER.createObjectNode()
        .put("service", rule.serviceId())
        .put("rule", rule.ruleId())
        .put("issued", rule.issued())
        .put("accepted", rule.accepted())
        .put("overridden", rule.overridden())
        .put("acceptanceRate", rule.acceptanceRate())
        .put("overriddenWithComment", rule.overriddenWithComment())
        .put("overriddenWithoutReason", rule.overriddenWithoutReason());
    ArrayNode suggestions = node.putArray("suggestions");
    for (SuggestionCount s : rule.suggestions()) {
      suggestions.addObject().put("label", s.label()).put("offered", s.offered()).put("accepted", s.accepted());
    }
    ArrayNode reasons = node.putArray("overrideReasons");
    for (ReasonCount r : rule.overrideReasons()) {
      ObjectNode reason = reasons.addObject().put("system", r.system()).put("code", r.code());
      r.display().ifPresent(display -> reason.put("display", display));
      reason.put("count", r.count());
    }
    return node;
  }
}
