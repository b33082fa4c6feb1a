package org.ironcds.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of a hook response. {@code cards} is always written, even when empty. */
public record CdsResponse(
    @JsonInclude(JsonInclude.Include.ALWAYS) List<Card> cards, List<Action> systemActions) {
  public CdsResponse {
    cards = List.copyOf(cards);
    systemActions = List.copyOf(systemActions);
  }

  public static CdsResponse of(List<Card> cards) {
    return new CdsResponse(cards, List.of());
  }

  public static CdsResponse empty() {
    return new CdsResponse(List.of(), List.of());
  }
}
