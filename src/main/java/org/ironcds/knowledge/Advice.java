package org.ironcds.knowledge;

import java.util.Objects;
import org.ironcds.cdshooks.Card;

/** One card and the rule (or card kind) it comes from, for metrics and feedback. */
public record Advice(String ruleId, Card card) {
  public Advice {
    Objects.requireNonNull(ruleId, "ruleId == null");
    Objects.requireNonNull(card, "card == null");
  }
}
