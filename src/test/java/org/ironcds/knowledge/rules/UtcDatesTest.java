package org.ironcds.knowledge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The zone-rule-free arithmetic agrees with java.time's own UTC arithmetic, month ends and leap days included. */
class UtcDatesTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "2026-11-21T10:15:30.123456789Z, P14D",
      "2026-03-31T23:59:59Z, P1M",
      "2024-02-29T00:00:00Z, P1Y",
      "2025-01-31T12:00:00Z, P1M2D",
      "1969-12-31T23:59:59.5Z, P3M",
      "2026-11-21T00:00:00Z, P0D"})
  void movesLikeAZonedDateTimeInUtc(String at, String period) {
    Instant instant = Instant.parse(at);
    Period p = Period.parse(period);
    assertThat(UtcDates.minus(instant, p)).isEqualTo(instant.atZone(ZoneOffset.UTC).minus(p).toInstant());
    assertThat(UtcDates.plus(instant, p)).isEqualTo(instant.atZone(ZoneOffset.UTC).plus(p).toInstant());
    assertThat(UtcDates.date(instant)).isEqualTo(LocalDate.ofInstant(instant, ZoneOffset.UTC));
  }
}
