package org.ironcds.cdsservice;

import java.util.Objects;
import org.ironcds.cdshooks.Card;

/** A card together with the id of the rule that produced it. */
public record AdvisedCard(String ruleId, Card card) {
  public AdvisedCard {
    Objects.requireNonNull(ruleId, "ruleId == null");
    Objects.requireNonNull(card, "card == null");
  }
}
