package org.ironcds.chart.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written fast path must agree with {@code java.time}'s parse on every input, good or bad. */
class FhirDatesTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "2026-11-21", "2024-02-29", "2026-11-21T10:00:00Z", "2026-11-21T10:00:00+00:00", "2026-11-21T23:59:59-05:30",
    "2026-11-21T00:00:00+14:00", "2026-11-21T10:00:00.1Z", "2026-11-21T10:00:00.123+01:00",
    "2026-11-21T10:00:00.123456789Z", "0001-01-01T00:00:00Z", "2026", "2026-11", "2026-11-21T10:00Z",
    "2026-11-21T10:00:00+01:00:30", "2026-11-21T10:00:00-00:00", "1999-12-31T23:59:59.5-12:00",
    // invalid in the same way for both paths
    "", "2026-02-30", "2023-02-29", "2026-13-01", "2026-11-21T24:00:00Z", "2026-11-21T10:60:00Z",
    "2026-11-21T10:00:60Z", "2026-11-21T10:00:00+19:00", "2026-11-21T10:00:00+01:60", "2026-11-21T10:00:00",
    "2026-11-21T10:00:00.Z", "2026-11-21T10:00:00.1234567890Z", "2026-11-21 10:00:00Z", "2026-11-21T10:00:00z",
    "2026-1-21", "２０２６-11-21", "2026-11-21T10:00:00+0100", "2026-11-21T1a:00:00Z", "2026/11/21", "today"
  })
  void agreesWithJavaTime(String text) {
    assertThat(FhirDates.instant(text)).as(text).isEqualTo(reference(text));
  }

  @Test
  void readsOffsetsFractionsAndDaysAsTheRightMoment() {
    assertThat(FhirDates.instant("2026-11-21T10:00:00.250+02:00"))
        .contains(Instant.parse("2026-11-21T08:00:00.250Z"));
    assertThat(FhirDates.instant("2026-11-21")).contains(Instant.parse("2026-11-21T00:00:00Z"));
    assertThat(FhirDates.instant("2026-11-30T23:30:00-01:00")).contains(Instant.parse("2026-12-01T00:30:00Z"));
    assertThat(FhirDates.instant("2026-02-30")).isEmpty();
  }

  /** What the service did before the fast path: java.time for every shape. */
  private static Optional<Instant> reference(String text) {
    try {
      return Optional.of(switch (text.length()) {
        case 0 -> throw new DateTimeParseException("empty", text, 0);
        case 4 -> Year.parse(text).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        case 7 -> YearMonth.parse(text).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        case 10 -> LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        default -> OffsetDateTime.parse(text).toInstant();
      });
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
