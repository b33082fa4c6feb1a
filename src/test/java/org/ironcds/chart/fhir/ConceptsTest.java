package org.ironcds.chart.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConceptsTest {
  private static final Optional<Instant> MAY = Optional.of(Instant.parse("2026-05-01T00:00:00Z"));
  private static final Optional<Instant> JUNE = Optional.of(Instant.parse("2026-06-01T00:00:00Z"));

  @Test
  void laterTakesTheLaterMomentWhicheverSideItIsOn() {
    assertThat(Concepts.later(MAY, JUNE)).isEqualTo(JUNE);
    assertThat(Concepts.later(JUNE, MAY)).isEqualTo(JUNE);
    assertThat(Concepts.later(MAY, MAY)).isEqualTo(MAY);
  }

  @Test
  void laterOfAMomentAndNoneIsThatMoment() {
    assertThat(Concepts.later(Optional.empty(), MAY)).isEqualTo(MAY);
    assertThat(Concepts.later(MAY, Optional.empty())).isEqualTo(MAY);
    assertThat(Concepts.later(Optional.empty(), Optional.empty())).isEmpty();
  }

  @Test
  void textIsTheConceptsTextElseItsCodingsDisplays() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    assertThat(Concepts.text(mapper.readTree("{\"text\": \"Ferinject\", \"coding\": [{\"display\": \"x\"}]}")))
        .contains("Ferinject");
    assertThat(Concepts.text(mapper.readTree("{\"coding\": [{\"display\": \"ferric\"}, {\"display\": \"carboxymaltose\"}]}")))
        .contains("ferric carboxymaltose");
    assertThat(Concepts.text(mapper.readTree("{\"coding\": [{\"code\": \"123\"}]}"))).isEmpty();
    assertThat(Concepts.text(mapper.readTree("{\"text\": \" \", \"coding\": [{\"display\": \" \"}]}"))).isEmpty();
  }
}
