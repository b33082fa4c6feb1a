package org.ironcds.cdsservice;

import java.time.Instant;
import java.util.Objects;
import org.ironcds.cdshooks.Card;
import org.ironcds.cdshooks.CdsClient;

/**
 * A card as it left the service, with what feedback needs to attribute an accept or override to
 * the rule that issued it. Holds no patient or practitioner identifiers.
 */
public record IssuedCard(
    String serviceId, String ruleId, String hookInstance, CdsClient client, Card card, Instant issuedAt) {
  public IssuedCard {
    Objects.requireNonNull(serviceId, "serviceId == null");
    Objects.requireNonNull(ruleId, "ruleId == null");
    Objects.requireNonNull(hookInstance, "hookInstance == null");
    Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(card, "card == null");
    Objects.requireNonNull(issuedAt, "issuedAt == null");
  }
}
