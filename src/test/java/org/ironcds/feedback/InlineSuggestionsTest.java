package org.ironcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ironcds.cdshooks.Suggestion;
import org.junit.jupiter.api.Test;

class InlineSuggestionsTest {
  static final UUID FIRST = UUID.fromString("7d0c5c55-0000-4000-8000-000000000001");
  static final UUID SECOND = UUID.fromString("7d0c5c55-0000-4000-8000-000000000002");

  @Test
  void eachSuggestionIsOneLineInBothColumnsInTheCardsOrder() {
    InlineSuggestions inline = InlineSuggestions.of(List.of(
        new Suggestion("Order phosphate", FIRST, true, List.of()),
        new Suggestion("Hold iron", SECOND, false, List.of())));

    assertThat(inline.uuids()).isEqualTo(FIRST + "\n" + SECOND);
    assertThat(InlineSuggestions.labels(inline.labels())).containsExactly("Order phosphate", "Hold iron");
    assertThat(inline.labelOf(SECOND)).isEqualTo(Optional.of("Hold iron"));
  }

  @Test
  void aCardWithoutSuggestionsHasEmptyColumnsAndNoLabels() {
    InlineSuggestions inline = InlineSuggestions.of(List.of());

    assertThat(inline).isEqualTo(new InlineSuggestions("", ""));
    assertThat(InlineSuggestions.labels("")).isEmpty();
    assertThat(inline.labelOf(FIRST)).isEmpty();
  }

  @Test
  void aLineBreakInALabelBecomesASpaceSoItCannotSplitTheLabel() {
    InlineSuggestions inline = InlineSuggestions.of(List.of(new Suggestion("Hold iron\r\nuntil known", FIRST, false, List.of())));

    assertThat(InlineSuggestions.labels(inline.labels())).containsExactly("Hold iron  until known");
  }

  @Test
  void aSuggestionTheCardDidNotOfferHasNoLabel() {
    InlineSuggestions inline = InlineSuggestions.of(List.of(new Suggestion("Order phosphate", FIRST, true, List.of())));

    assertThat(inline.labelOf(SECOND)).isEmpty();
  }

  @Test
  void longLabelsAreClippedToTheOldColumnWidth() {
    InlineSuggestions inline = InlineSuggestions.of(List.of(new Suggestion("x".repeat(600), FIRST, true, List.of())));

    assertThat(inline.labels()).hasSize(512);
  }
}
