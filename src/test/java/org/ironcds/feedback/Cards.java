package org.ironcds.feedback;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ironcds.cdshooks.Card;
import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.Coding;
import org.ironcds.cdshooks.Indicator;
import org.ironcds.cdshooks.SelectionBehavior;
import org.ironcds.cdshooks.Source;
import org.ironcds.cdshooks.Suggestion;
import org.ironcds.cdsservice.IssuedCard;

/** Issued cards for tests: two suggestions ("Hold iron", "Order phosphate") and two override reasons. */
final class Cards {
  static final String SYSTEM = "https://ironcds.org/override-reason";
  static final Coding BENEFIT = Coding.of(SYSTEM, "benefit-outweighs-risk", "Benefit outweighs risk");
  static final Coding MONITORED = Coding.of(SYSTEM, "already-monitored", "Phosphate already monitored");
  static final CdsClient EHR = new CdsClient("https://ehr.example.org", Optional.of("tenant-a"));

  private Cards() {}

  static IssuedCard issued(String serviceId, String ruleId, Instant at) {
    return issued(serviceId, ruleId, at, EHR);
  }

  static IssuedCard issued(String serviceId, String ruleId, Instant at, CdsClient client) {
    Card card = new Card(
        UUID.randomUUID(),
        "IV iron with denosumab: check phosphate",
        Optional.empty(),
        Indicator.WARNING,
        Source.of("iron-cds", URI.create("https://ironcds.org")),
        List.of(
            new Suggestion("Hold iron", UUID.randomUUID(), false, List.of()),
            new Suggestion("Order phosphate", UUID.randomUUID(), true, List.of())),
        Optional.of(SelectionBehavior.AT_MOST_ONE),
        List.of(BENEFIT, MONITORED),
        List.of());
    return new IssuedCard(serviceId, ruleId, UUID.randomUUID().toString(), client, card, at);
  }

  static UUID suggestion(IssuedCard card, String label) {
    return card.card().suggestions().stream().filter(s -> s.label().equals(label)).findFirst().orElseThrow().uuid();
  }
}
