package org.ironcds.cdshooks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A CDS Hooks card. The compact constructor enforces the 2.0 rules a client relies on: a uuid, a
 * summary shorter than 140 characters, {@code selectionBehavior} exactly when there are suggestions,
 * at most one recommended suggestion under {@code at-most-one}, and a display on every override
 * reason.
 */
public record Card(
    UUID uuid,
    String summary,
    Optional<String> detail,
    Indicator indicator,
    Source source,
    List<Suggestion> suggestions,
    Optional<SelectionBehavior> selectionBehavior,
    List<Coding> overrideReasons,
    List<Link> links) {

  /** The spec says "&lt;140 characters"; counted in code points, as clients count them. */
  public static final int MAX_SUMMARY_CODE_POINTS = 139;

  public Card {
    Objects.requireNonNull(uuid, "uuid == null");
    Coding.requireText(summary, "summary");
    if (summary.codePointCount(0, summary.length()) > MAX_SUMMARY_CODE_POINTS) {
      throw new IllegalArgumentException("summary must be shorter than 140 characters: " + summary);
    }
    Objects.requireNonNull(detail, "detail == null");
    detail = detail.filter(d -> !d.isBlank());
    Objects.requireNonNull(indicator, "indicator == null");
    Objects.requireNonNull(source, "source == null");
    suggestions = List.copyOf(suggestions);
    Objects.requireNonNull(selectionBehavior, "selectionBehavior == null");
    overrideReasons = List.copyOf(overrideReasons);
    links = List.copyOf(links);
    if (suggestions.isEmpty() != selectionBehavior.isEmpty()) {
      throw new IllegalArgumentException("selectionBehavior must be present exactly when suggestions are");
    }
    if (selectionBehavior.orElse(null) == SelectionBehavior.AT_MOST_ONE
        && suggestions.stream().filter(Suggestion::recommended).count() > 1) {
      throw new IllegalArgumentException("at-most-one allows at most one recommended suggestion");
    }
    for (Coding reason : overrideReasons) {
      if (reason.display().isEmpty()) {
        throw new IllegalArgumentException("override reason " + reason.code() + " needs a display");
      }
    }
  }
}
