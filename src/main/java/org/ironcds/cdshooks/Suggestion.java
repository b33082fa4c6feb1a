package org.ironcds.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A one-click suggestion: a label and the actions the EHR applies together. Always has a uuid, so
 * the EHR can report acceptance through feedback.
 */
public record Suggestion(
    String label,
    UUID uuid,
    @JsonProperty("isRecommended") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean recommended,
    List<Action> actions) {
  public Suggestion {
    Coding.requireText(label, "label");
    Objects.requireNonNull(uuid, "uuid == null");
    actions = List.copyOf(actions);
  }

  public static Suggestion of(String label, boolean recommended, List<Action> actions) {
    return new Suggestion(label, Uuids.timeOrdered(), recommended, actions);
  }
}
