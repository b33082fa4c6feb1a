package org.ironcds.cdsservice;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ironcds.cdshooks.Card;
import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.Suggestion;

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

  /**
   * This card without its text and without the resources its suggestions would create: uuids,
   * labels, indicator and override reasons are all attribution needs, and a queued card should not
   * hold kilobytes of FHIR JSON.
   */
  public IssuedCard forAttribution() {
    List<Suggestion> suggestions = card.suggestions().stream()
        .map(s -> new Suggestion(s.label(), s.uuid(), s.recommended(), List.of())).toList();
    Card slim = new Card(card.uuid(), card.summary(), Optional.empty(), card.indicator(), card.source(), suggestions,
        card.selectionBehavior(), card.overrideReasons(), List.of());
    return new IssuedCard(serviceId, ruleId, hookInstance, client, slim, issuedAt);
  }
}
