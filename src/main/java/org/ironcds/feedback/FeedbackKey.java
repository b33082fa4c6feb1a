package org.ironcds.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.Coding;
import org.ironcds.cdshooks.FeedbackItem;

/**
 * The natural key of a stored feedback item, as a SHA-256 hex string: who sent it (service id,
 * client), which card, the outcome and its time, the accepted suggestions (in any order) and the
 * coded override reason. Two items that agree on all of these are the same feedback.
 */
final class FeedbackKey {
  private FeedbackKey() {}

  /** Timestamps are kept to the microsecond, the precision both databases store. */
  static Instant storedInstant(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static String of(String serviceId, CdsClient client, FeedbackItem item) {
    StringBuilder key = new StringBuilder("v1");
    append(key, serviceId);
    append(key, client.issuer());
    append(key, client.tenant().orElse(""));
    append(key, item.card().toString());
    append(key, item.outcome().code());
    append(key, storedInstant(item.outcomeTimestamp()).toString());
    List<String> suggestions = item.acceptedSuggestions().stream().map(UUID::toString).sorted().toList();
    append(key, String.join(",", suggestions));
    append(key, item.overrideReason().flatMap(r -> r.reason()).map(Coding::system).orElse(""));
    append(key, item.overrideReason().flatMap(r -> r.reason()).map(Coding::code).orElse(""));
    append(key, item.overrideReason().map(r -> r.commented() ? "c" : "").orElse(""));
    return sha256(key.toString());
  }

  /** Length-prefixed, so no choice of field values can make two different keys collide. */
  private static void append(StringBuilder key, String field) {
    key.append('|').append(field.length()).append(':').append(field);
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
