package org.ironcds.chart.fhir;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Reads FHIR date, dateTime and instant text as a moment. A value without a time
 * ({@code 2026-11-05}, or just a year or month) is the start of that day in UTC, so "same day" and
 * window checks do not depend on where the service runs.
 *
 * <p>A patient's history holds over a hundred of these per request, and {@code java.time}'s
 * general-purpose formatter parse cost more than all other chart work together, so the two shapes
 * FHIR servers send (full dates, and date-times to the second with an optional fraction and a
 * {@code Z} or {@code ±hh:mm} offset) are read by hand; anything else goes through the formatter.
 * Both paths accept and reject the same text ({@code FhirDatesTest}).
 */
final class FhirDates {
  private static final long SECONDS_PER_DAY = 86_400;
  private static final int[] SCALE = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  private FhirDates() {}

  static Optional<Instant> instant(String text) {
    if (text.isEmpty()) {
      return Optional.empty(); // an absent element, read as "": common, and no exception for it
    }
    try {
      if (text.length() == 10 && isDate(text)) {
        return Optional.of(Instant.ofEpochSecond(date(text).toEpochDay() * SECONDS_PER_DAY));
      }
      if (text.length() >= 20 && isDate(text) && text.charAt(10) == 'T') {
        Instant fast = dateTime(text);
        if (fast != null) {
          return Optional.of(fast);
        }
      }
      return Optional.of(general(text));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** {@code yyyy-mm-dd} at the start of the text (digits and dashes only; ranges checked later). */
  private static boolean isDate(String text) {
    return digits(text, 0, 4) && text.charAt(4) == '-' && digits(text, 5, 7) && text.charAt(7) == '-'
        && digits(text, 8, 10);
  }

  private static LocalDate date(String text) {
    return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
  }

  /** {@code yyyy-mm-ddThh:mm:ss[.f{1,9}](Z|±hh:mm)}, or null when the text has another shape. */
  private static Instant dateTime(String text) {
    if (text.charAt(13) != ':' || text.charAt(16) != ':' || !digits(text, 11, 13) || !digits(text, 14, 16)
        || !digits(text, 17, 19)) {
      return null;
    }
    int end = 19;
    int nanos = 0;
    if (text.charAt(end) == '.') {
      int start = ++end;
      while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
        end++;
      }
      int length = end - start;
      if (length < 1 || length > 9) {
        return null;
      }
      nanos = number(text, start, end) * SCALE[9 - length];
    }
    Integer offset = offsetSeconds(text, end);
    if (offset == null) {
      return null;
    }
    int hour = number(text, 11, 13);
    int minute = number(text, 14, 16);
    int second = number(text, 17, 19);
    if (hour > 23 || minute > 59 || second > 59) {
      throw new DateTimeException("time out of range");
    }
    long seconds = date(text).toEpochDay() * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second - offset;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** The offset at {@code at}, which must end the text: {@code Z} or {@code ±hh:mm}; null for other shapes. */
  private static Integer offsetSeconds(String text, int at) {
    int left = text.length() - at;
    if (left == 1 && text.charAt(at) == 'Z') {
      return 0;
    }
    char sign = left == 6 ? text.charAt(at) : ' ';
    if ((sign != '+' && sign != '-') || !digits(text, at + 1, at + 3) || text.charAt(at + 3) != ':'
        || !digits(text, at + 4, at + 6)) {
      return null;
    }
    int hours = number(text, at + 1, at + 3);
    int minutes = number(text, at + 4, at + 6);
    if (minutes > 59) {
      throw new DateTimeException("offset out of range");
    }
    ZoneOffset offset = sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
        : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    return offset.getTotalSeconds();
  }

  private static Instant general(String text) {
    return switch (text.length()) {
      case 4 -> Year.parse(text).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      case 7 -> YearMonth.parse(text).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      case 10 -> LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      default -> OffsetDateTime.parse(text).toInstant();
    };
  }

  private static boolean digits(String text, int from, int to) {
    if (to > text.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }
}
