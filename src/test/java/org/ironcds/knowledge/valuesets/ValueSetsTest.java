package org.ironcds.knowledge.valuesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ironcds.chart.Code;
import org.junit.jupiter.api.Test;

class ValueSetsTest {
  private static final String RX = "http://www.nlm.nih.gov/research/umls/rxnorm";

  private static ValueSets sets(boolean includeUnverified) {
    ValueSet iron = new ValueSet("iv-iron", "IV iron", "test", List.of(
        new Concept(RX, "1433693", "ferric carboxymaltose", Verification.V2),
        new Concept(RX, "9999999", "recalled code", Verification.R)), List.of("ferric carboxymaltose", "Injectafer"),
        includeUnverified);
    ValueSet other = new ValueSet("denosumab", "denosumab", "test", List.of(
        new Concept(RX, "993449", "denosumab", Verification.V2)), List.of("denosumab"), includeUnverified);
    return new ValueSets(List.of(iron, other), Set.of("iv-iron", "denosumab"));
  }

  @Test
  void matchesByCode() {
    assertThat(sets(false).medicationIn("iv-iron", List.of(Code.of(RX, "1433693")), Optional.empty())).isTrue();
  }

  @Test
  void matchesByWholeWordBrandNameOnlyWithoutRecognisedCode() {
    ValueSets sets = sets(false);
    assertThat(sets.medicationIn("iv-iron", List.of(), Optional.of("INJECTAFER 750 mg"))).isTrue();
    assertThat(sets.medicationIn("iv-iron", List.of(Code.of(RX, "12345")), Optional.of("Injectafer"))).isTrue();
    assertThat(sets.medicationIn("iv-iron", List.of(Code.of(RX, "993449")), Optional.of("Injectafer"))).isFalse();
    assertThat(sets.medicationIn("iv-iron", List.of(), Optional.of("Injectaferous"))).isFalse();
  }

  @Test
  void recalledCodesAreOffByDefaultAndOnWhenAllowed() {
    List<Code> recalled = List.of(Code.of(RX, "9999999"));
    assertThat(sets(false).codedIn("iv-iron", recalled)).isFalse();
    assertThat(sets(true).codedIn("iv-iron", recalled)).isTrue();
  }
}
