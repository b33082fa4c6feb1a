package org.ironcds.cdsservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ironcds.cdshooks.Action;
import org.ironcds.cdshooks.Card;
import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.Coding;
import org.ironcds.cdshooks.FhirJson;
import org.ironcds.cdshooks.Indicator;
import org.ironcds.cdshooks.SelectionBehavior;
import org.ironcds.cdshooks.Source;
import org.ironcds.cdshooks.Suggestion;
import org.junit.jupiter.api.Test;

class IssuedCardTest {
  @Test
  void attributionCopyKeepsIdsLabelsAndReasonsButNoContent() {
    Suggestion suggestion = Suggestion.of("Switch to ferric derisomaltose", true, List.of(
        Action.create("Create the order", new FhirJson("{\"resourceType\":\"MedicationRequest\"}"))));
    Coding reason = Coding.of("http://ironcds.org/override", "monitoring-arranged", "Monitoring arranged");
    Card card = new Card(UUID.randomUUID(), "Lower-risk IV iron available", Optional.of("Long evidence text"),
        Indicator.INFO, Source.of("Evidence", URI.create("https://example.org")), List.of(suggestion),
        Optional.of(SelectionBehavior.AT_MOST_ONE), List.of(reason), List.of());
    IssuedCard issued = new IssuedCard("svc", "SwitchFromFerricCarboxymaltose", "hook-1", CdsClient.UNAUTHENTICATED,
        card, Instant.EPOCH);

    Card slim = issued.forAttribution().card();

    assertThat(slim.uuid()).isEqualTo(card.uuid());
    assertThat(slim.indicator()).isEqualTo(Indicator.INFO);
    assertThat(slim.detail()).isEmpty();
    assertThat(slim.suggestions()).singleElement().satisfies(s -> {
      assertThat(s.uuid()).isEqualTo(suggestion.uuid());
      assertThat(s.label()).isEqualTo(suggestion.label());
      assertThat(s.actions()).isEmpty();
    });
    assertThat(slim.overrideReasons()).containsExactly(reason);
    assertThat(issued.forAttribution().ruleId()).isEqualTo("SwitchFromFerricCarboxymaltose");
  }
}
