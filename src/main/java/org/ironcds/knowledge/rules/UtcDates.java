package org.ironcds.knowledge.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * Calendar arithmetic on instants in UTC, the time zone every window of the knowledge is judged in.
 *
 * <p>Why not {@code instant.atZone(ZoneOffset.UTC)}: on JDK 17 each such call builds a new {@code
 * ZoneRules} for the offset, with a {@code ConcurrentHashMap} inside, and the rules do this for
 * every medication and window of every call. The epoch-second forms below need no zone rules.
 */
public final class UtcDates {
  private UtcDates() {}

  /** {@code instant} moved back by {@code period} on the UTC calendar (months and years by date). */
  public static Instant minus(Instant instant, Period period) {
    return utc(instant).minus(period).toInstant(ZoneOffset.UTC);
  }

  /** {@code instant} moved on by {@code period} on the UTC calendar. */
  public static Instant plus(Instant instant, Period period) {
    return utc(instant).plus(period).toInstant(ZoneOffset.UTC);
  }

  /** The UTC date of {@code instant}. */
  public static LocalDate date(Instant instant) {
    return utc(instant).toLocalDate();
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
  }
}
