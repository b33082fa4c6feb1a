package org.ironcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedbackJsonTest {
  static final String CARD = "0f1b1b6e-5c3e-4a53-8a0c-2d3f1f5c9a11";
  static final String SUGGESTION = "6c1f0f3e-9b0e-4bb7-9d0e-5b0f3f5c9a22";

  private final FeedbackJson reader = new FeedbackJson(new CdsHooksJson());

  @Test
  void readsAnAcceptedItemAsTheSandboxSendsIt() {
    FeedbackRequest request = read("""
        {"feedback":[{"card":"%s","outcome":"accepted","acceptedSuggestions":[{"id":"%s"}],
          "outcomeTimestamp":"2026-11-21T15:20:50.52Z"}]}""".formatted(CARD, SUGGESTION));

    assertThat(request.feedback()).containsExactly(FeedbackItem.accepted(
        UUID.fromString(CARD), List.of(UUID.fromString(SUGGESTION)), Instant.parse("2026-11-21T15:20:50.520Z")));
  }

  @Test
  void readsAnOverriddenItemWithACodedReasonWithoutDisplay() {
    FeedbackRequest request = read("""
        {"feedback":[{"card":"%s","outcome":"overridden","outcomeTimestamp":"2026-11-21T15:20:50Z",
          "overrideReason":{"reason":{"code":"benefit","system":"https://ironcds.org/override-reason"}}}]}"""
        .formatted(CARD));

    Coding reason = new Coding("https://ironcds.org/override-reason", "benefit", Optional.empty());
    assertThat(request.feedback()).containsExactly(FeedbackItem.overridden(
        UUID.fromString(CARD), Optional.of(OverrideReason.of(reason)), Instant.parse("2026-11-21T15:20:50Z")));
  }

  @Test
  void keepsOnlyTheFactThatACommentWasGivenNotItsText() {
    FeedbackRequest request = read(item("\"outcome\":\"overridden\",\"overrideReason\":{\"userComment\":\"pt Jane Doe\"}"));

    OverrideReason reason = request.feedback().get(0).overrideReason().orElseThrow();
    assertThat(reason).isEqualTo(new OverrideReason(Optional.empty(), true));
    assertThat(reason.toString()).doesNotContain("Jane");
  }

  @Test
  void anEmptyOverrideReasonCountsAsAbsent() {
    FeedbackRequest request = read(item("\"outcome\":\"overridden\",\"overrideReason\":{}"));

    assertThat(request.feedback().get(0).overrideReason()).isEmpty();
  }

  @Test
  void ignoresUnknownFieldsAndFieldsOfTheOtherOutcome() {
    FeedbackRequest request = read(item(
        "\"outcome\":\"overridden\",\"extension\":{\"x\":1},\"acceptedSuggestions\":[{\"id\":\"" + SUGGESTION + "\"}]"));

    assertThat(request.feedback().get(0).acceptedSuggestions()).isEmpty();
  }

  @Test
  void acceptsAnyOffsetAndNormalisesToUtc() {
    FeedbackRequest request = read(item("\"outcome\":\"overridden\"").replace("2026-11-21T15:20:50Z", "2026-11-21t16:20:50+01:00"));

    assertThat(request.feedback().get(0).outcomeTimestamp()).isEqualTo(Instant.parse("2026-11-21T15:20:50Z"));
  }

  @Test
  void repeatedSuggestionIdsAreReadOnce() {
    FeedbackRequest request = read(item(
        "\"outcome\":\"accepted\",\"acceptedSuggestions\":[{\"id\":\"" + SUGGESTION + "\"},{\"id\":\"" + SUGGESTION + "\"}]"));

    assertThat(request.feedback().get(0).acceptedSuggestions()).hasSize(1);
  }

  @Test
  void anEmptyBatchIsValid() {
    assertThat(read("{\"feedback\":[]}").feedback()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      malformed JSON                 | {"feedback":[                         | body     | Request body is not valid JSON (line 1, column 14)
      body not an object             | []                                    | body     | Request body must be a JSON object
      feedback missing               | {}                                    | feedback | feedback is required
      feedback not an array          | {"feedback":{}}                       | feedback | feedback must be an array
      item not an object             | {"feedback":["x"]}                    | feedback[0] | feedback[0] must be a JSON object
      """)
  void rejectsAMalformedBody(String name, String body, String location, String message) {
    assertRejected(body, location, message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      card missing             | "outcome":"overridden"                                   | card             | feedback[1].card is required
      card not a string        | "card":12,"outcome":"overridden"                         | card             | feedback[1].card must be a string
      card not a uuid          | "card":"card-1","outcome":"overridden"                   | card             | feedback[1].card must be a UUID
      card a short uuid        | "card":"1-1-1-1-1","outcome":"overridden"                | card             | feedback[1].card must be a UUID
      outcome missing          | "card":"%1$s"                                            | outcome          | feedback[1].outcome is required
      outcome unknown          | "card":"%1$s","outcome":"ignored"                        | outcome          | feedback[1].outcome must be accepted or overridden
      outcome wrong case       | "card":"%1$s","outcome":"Accepted"                       | outcome          | feedback[1].outcome must be accepted or overridden
      accepted without ids     | "card":"%1$s","outcome":"accepted"                       | acceptedSuggestions | feedback[1].acceptedSuggestions is required when outcome is accepted
      accepted with empty ids  | "card":"%1$s","outcome":"accepted","acceptedSuggestions":[] | acceptedSuggestions | feedback[1].acceptedSuggestions must be a non-empty array of {"id": <suggestion uuid>}
      suggestions not an array | "card":"%1$s","outcome":"accepted","acceptedSuggestions":{} | acceptedSuggestions | feedback[1].acceptedSuggestions must be a non-empty array of {"id": <suggestion uuid>}
      suggestion not an object | "card":"%1$s","outcome":"accepted","acceptedSuggestions":["%1$s"] | acceptedSuggestions[0] | feedback[1].acceptedSuggestions[0] must be a JSON object
      suggestion without id    | "card":"%1$s","outcome":"accepted","acceptedSuggestions":[{}] | acceptedSuggestions[0].id | feedback[1].acceptedSuggestions[0].id is required
      suggestion id no uuid    | "card":"%1$s","outcome":"accepted","acceptedSuggestions":[{"id":"s1"}] | acceptedSuggestions[0].id | feedback[1].acceptedSuggestions[0].id must be a UUID
      reason not an object     | "card":"%1$s","outcome":"overridden","overrideReason":"no" | overrideReason | feedback[1].overrideReason must be a JSON object
      coding not an object     | "card":"%1$s","outcome":"overridden","overrideReason":{"reason":"x"} | overrideReason.reason | feedback[1].overrideReason.reason must be a JSON object
      coding without code      | "card":"%1$s","outcome":"overridden","overrideReason":{"reason":{"system":"s"}} | overrideReason.reason.code | feedback[1].overrideReason.reason.code is required
      coding without system    | "card":"%1$s","outcome":"overridden","overrideReason":{"reason":{"code":"c"}} | overrideReason.reason.system | feedback[1].overrideReason.reason.system is required
      comment not a string     | "card":"%1$s","outcome":"overridden","overrideReason":{"userComment":3} | overrideReason.userComment | feedback[1].overrideReason.userComment must be a string
      """)
  void rejectsAnInvalidItemNamingItsField(String name, String fields, String field, String message) {
    String body = "{\"feedback\":[" + valid() + ",{" + fields.formatted(CARD)
        + ",\"outcomeTimestamp\":\"2026-11-21T15:20:50Z\"}]}";

    assertRejected(body, "feedback[1]." + field, message);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2026-11-21", "2026-11-21T15:20Z", "2026-11-21T15:20:50", "2026-11-21 15:20:50Z", "2026-13-21T15:20:50Z",
      "2026-11-21T25:20:50Z", "2026-11-21T15:20:50.1234567891Z", "2026-11-21T15:20:50+0100", "yesterday", ""})
  void rejectsATimestampThatIsNotRfc3339WithOffset(String timestamp) {
    String body = "{\"feedback\":[{\"card\":\"" + CARD + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\""
        + timestamp + "\"}]}";

    String message = timestamp.isEmpty()
        ? "feedback[0].outcomeTimestamp must not be empty"
        : "feedback[0].outcomeTimestamp must be an RFC 3339 date-time with an offset, e.g. 2026-11-21T15:20:50.52Z";
    assertRejected(body, "feedback[0].outcomeTimestamp", message);
  }

  @Test
  void rejectsAMissingTimestamp() {
    assertRejected("{\"feedback\":[{\"card\":\"" + CARD + "\",\"outcome\":\"overridden\"}]}",
        "feedback[0].outcomeTimestamp", "feedback[0].outcomeTimestamp is required");
  }

  @Test
  void rejectsAnOverlongComment() {
    String comment = "x".repeat(FeedbackJson.MAX_USER_COMMENT_LENGTH + 1);

    assertRejected(item("\"outcome\":\"overridden\",\"overrideReason\":{\"userComment\":\"" + comment + "\"}"),
        "feedback[0].overrideReason.userComment", "feedback[0].overrideReason.userComment is longer than 1000 characters");
  }

  @Test
  void rejectsABatchLargerThanTheLimit() {
    StringBuilder body = new StringBuilder("{\"feedback\":[");
    for (int i = 0; i <= FeedbackJson.MAX_ITEMS; i++) {
      body.append(i == 0 ? "" : ",").append(valid());
    }
    body.append("]}");

    assertRejected(body.toString(), "feedback", "feedback holds 1001 items; at most 1000 are accepted per request");
  }

  @Test
  void messagesNeverQuoteTheValueSent() {
    assertThatThrownBy(() -> read(item("\"outcome\":\"overridden\"").replace(CARD, "MRN-123456")))
        .hasMessageNotContaining("MRN");
  }

  private FeedbackRequest read(String body) {
    return reader.read(body.getBytes(StandardCharsets.UTF_8));
  }

  private void assertRejected(String body, String location, String message) {
    assertThatThrownBy(() -> read(body))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.location()).isEqualTo(location);
          assertThat(e.getMessage()).isEqualTo(message);
        });
  }

  private static String valid() {
    return "{\"card\":\"" + CARD + "\",\"outcome\":\"accepted\",\"acceptedSuggestions\":[{\"id\":\"" + SUGGESTION
        + "\"}],\"outcomeTimestamp\":\"2026-11-21T15:20:50Z\"}";
  }

  private static String item(String fields) {
    return "{\"feedback\":[{\"card\":\"" + CARD + "\"," + fields + ",\"outcomeTimestamp\":\"2026-11-21T15:20:50Z\"}]}";
  }
}
