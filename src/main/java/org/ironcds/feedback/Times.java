package org.ironcds.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses the time bounds of a summary query, as given on a command line or in a URL. */
final class Times {
  private Times() {}

  /**
   * Reads an RFC 3339 date-time with offset ({@code 2026-11-01T00:00:00Z}) or a plain date ({@code
   * 2026-11-01}, meaning its start in UTC).
   *
   * @throws IllegalArgumentException naming {@code name} if the text is neither
   */
  static Optional<Instant> parse(String name, Optional<String> text) {
    if (text.isEmpty() || text.get().isBlank()) {
      return Optional.empty();
    }
    String value = text.get().trim();
    try {
      if (value.length() == 10) {
        return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be a date (2026-11-01) or a date-time with offset (2026-11-01T00:00:00Z)");
    }
  }
}
