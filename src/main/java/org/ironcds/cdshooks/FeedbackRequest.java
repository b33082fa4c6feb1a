package org.ironcds.cdshooks;

import java.util.List;

/** The body of {@code POST /cds-services/{id}/feedback}: a batch of outcomes, possibly across cards. */
public record FeedbackRequest(List<FeedbackItem> feedback) {
  public FeedbackRequest {
    feedback = List.copyOf(feedback);
  }
}
