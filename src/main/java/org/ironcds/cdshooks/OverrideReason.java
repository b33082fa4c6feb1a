package org.ironcds.cdshooks;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a clinician overrode a card: the coded reason picked from the card's {@code overrideReasons},
 * and whether a free-text comment was given.
 *
 * <p>The comment text itself is deliberately not kept: it is free text typed next to a patient's
 * chart and may contain PHI. {@link FeedbackJson} validates it and then drops it, so only the fact
 * that a comment was given travels further.
 */
public record OverrideReason(Optional<Coding> reason, boolean commented) {
  public OverrideReason {
    Objects.requireNonNull(reason, "reason == null");
    if (reason.isEmpty() && !commented) {
      throw new IllegalArgumentException("an override reason needs a reason or a comment");
    }
  }

  public static OverrideReason of(Coding reason) {
    return new OverrideReason(Optional.of(reason), false);
  }
}
