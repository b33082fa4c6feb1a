package org.ironcds.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads and validates the body of a feedback request ({@code {"feedback": [...]}}).
 *
 * <p>Every item is checked; the first problem becomes an {@link InvalidRequestException} whose
 * location names the item and field, e.g. {@code feedback[2].outcomeTimestamp}. Unknown fields are
 * ignored. Fields that do not belong to an item's outcome ({@code acceptedSuggestions} on an
 * override, {@code overrideReason} on an acceptance) are ignored too, and an empty {@code
 * overrideReason} object counts as absent. The free text of {@code userComment} is validated and
 * then dropped (see {@link OverrideReason}). Messages never quote the values sent.
 *
 * <p>Instances are immutable and safe for concurrent use.
 */
public final class FeedbackJson {
  /** The largest batch accepted in one request. */
  public static final int MAX_ITEMS = 1000;

  /** The longest {@code userComment} accepted, in characters. */
  public static final int MAX_USER_COMMENT_LENGTH = 1000;

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** RFC 3339 §5.6 {@code date-time}: seconds required, an offset required, up to nanoseconds. */
  private static final Pattern RFC_3339 =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

  private final CdsHooksJson json;

  public FeedbackJson(CdsHooksJson json) {
    this.json = Objects.requireNonNull(json, "json == null");
  }

  /**
   * Reads a feedback request.
   *
   * @throws InvalidRequestException if the body or any item is not valid feedback
   */
  public FeedbackRequest read(byte[] body) {
    return read(json.readTree(body));
  }

  /** As {@link #read(byte[])}, straight from a stream (see {@link CdsHooksJson#readTree(InputStream)}). */
  public FeedbackRequest read(InputStream body) {
    return read(json.readTree(body));
  }

  private FeedbackRequest read(JsonNode root) {
    if (!root.isObject()) {
      throw new InvalidRequestException("body", "Request body must be a JSON object");
    }
    JsonNode items = root.get("feedback");
    if (items == null || items.isNull()) {
      throw new InvalidRequestException("feedback", "feedback is required");
    }
    if (!items.isArray()) {
      throw new InvalidRequestException("feedback", "feedback must be an array");
    }
    if (items.size() > MAX_ITEMS) {
      throw new InvalidRequestException(
          "feedback", "feedback holds " + items.size() + " items; at most " + MAX_ITEMS + " are accepted per request");
    }
    List<FeedbackItem> feedback = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      feedback.add(readItem(items.get(i), "feedback[" + i + "]"));
    }
    return new FeedbackRequest(feedback);
  }

  private static FeedbackItem readItem(JsonNode item, String path) {
    if (!item.isObject()) {
      throw new InvalidRequestException(path, path + " must be a JSON object");
    }
    UUID card = readUuid(item, "card", path + ".card");
    Outcome outcome = readOutcome(item, path + ".outcome");
    Instant at = readTimestamp(item, path + ".outcomeTimestamp");
    if (outcome == Outcome.ACCEPTED) {
      return FeedbackItem.accepted(card, readAcceptedSuggestions(item, path + ".acceptedSuggestions"), at);
    }
    return FeedbackItem.overridden(card, readOverrideReason(item, path + ".overrideReason"), at);
  }

  private static UUID readUuid(JsonNode parent, String field, String path) {
    String text = JsonFields.requireText(parent, field, path);
    if (!UUID_TEXT.matcher(text).matches()) {
      throw new InvalidRequestException(path, path + " must be a UUID");
    }
    return UUID.fromString(text);
  }

  private static Outcome readOutcome(JsonNode item, String path) {
    String code = JsonFields.requireText(item, "outcome", path);
    return Outcome.fromCode(code)
        .orElseThrow(() -> new InvalidRequestException(path, path + " must be accepted or overridden"));
  }

  private static Instant readTimestamp(JsonNode item, String path) {
    String text = JsonFields.requireText(item, "outcomeTimestamp", path);
    String message = path + " must be an RFC 3339 date-time with an offset, e.g. 2026-11-21T15:20:50.52Z";
    if (!RFC_3339.matcher(text).matches()) {
      throw new InvalidRequestException(path, message);
    }
    try {
      return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(path, message);
    }
  }

  private static List<UUID> readAcceptedSuggestions(JsonNode item, String path) {
    JsonNode node = item.get("acceptedSuggestions");
    if (node == null || node.isNull()) {
      throw new InvalidRequestException(path, path + " is required when outcome is accepted");
    }
    if (!node.isArray() || node.isEmpty()) {
      throw new InvalidRequestException(path, path + " must be a non-empty array of {\"id\": <suggestion uuid>}");
    }
    Set<UUID> ids = new LinkedHashSet<>();
    for (int j = 0; j < node.size(); j++) {
      JsonNode suggestion = node.get(j);
      String at = path + "[" + j + "]";
      if (!suggestion.isObject()) {
        throw new InvalidRequestException(at, at + " must be a JSON object");
      }
      ids.add(readUuid(suggestion, "id", at + ".id"));
    }
    return List.copyOf(ids);
  }

  private static Optional<OverrideReason> readOverrideReason(JsonNode item, String path) {
    Optional<JsonNode> node = JsonFields.optionalObject(item, "overrideReason", path);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Optional<Coding> reason = readReason(node.get(), path + ".reason");
    boolean commented = readComment(node.get(), path + ".userComment");
    if (reason.isEmpty() && !commented) {
      return Optional.empty();
    }
    return Optional.of(new OverrideReason(reason, commented));
  }

  private static Optional<Coding> readReason(JsonNode overrideReason, String path) {
    Optional<JsonNode> node = JsonFields.optionalObject(overrideReason, "reason", path);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    String code = JsonFields.requireText(node.get(), "code", path + ".code");
    String system = JsonFields.requireText(node.get(), "system", path + ".system");
    Optional<String> display = JsonFields.optionalText(node.get(), "display", path + ".display");
    return Optional.of(new Coding(system, code, display));
  }

  /** Validates the comment and returns whether one was given; the text goes no further. */
  private static boolean readComment(JsonNode overrideReason, String path) {
    JsonNode node = overrideReason.get("userComment");
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isTextual()) {
      throw new InvalidRequestException(path, path + " must be a string");
    }
    if (node.textValue().length() > MAX_USER_COMMENT_LENGTH) {
      throw new InvalidRequestException(
          path, path + " is longer than " + MAX_USER_COMMENT_LENGTH + " characters");
    }
    return !node.textValue().isBlank();
  }
}
