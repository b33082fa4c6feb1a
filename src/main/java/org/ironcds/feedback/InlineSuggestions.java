package org.ironcds.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ironcds.cdshooks.Suggestion;

/**
 * A card's suggestions as the two columns of its {@code issued_card} row: {@code suggestion_uuids}
 * and {@code suggestion_labels}, one entry per line, line n of one belonging to line n of the other
 * (schema V3). Keeping them in the card's row makes recording a card one insert instead of three or
 * four.
 */
record InlineSuggestions(String uuids, String labels) {
  private static final char LINE = '\n';
  static final int MAX_LABEL = 512;

  static InlineSuggestions of(List<Suggestion> suggestions) {
    StringBuilder uuids = new StringBuilder(37 * suggestions.size());
    StringBuilder labels = new StringBuilder(64 * suggestions.size());
    for (Suggestion suggestion : suggestions) {
      if (uuids.length() > 0) {
        uuids.append(LINE);
        labels.append(LINE);
      }
      uuids.append(suggestion.uuid());
      // A line break would split the label in two; labels are one-line button texts anyway.
      labels.append(Columns.clip(suggestion.label(), MAX_LABEL).replace('\r', ' ').replace('\n', ' '));
    }
    return new InlineSuggestions(uuids.toString(), labels.toString());
  }

  /** The labels of a {@code suggestion_labels} value, in order; none for a card without suggestions. */
  static List<String> labels(String column) {
    return lines(column);
  }

  /** The label of {@code suggestion} on this card, unless the card did not offer it. */
  Optional<String> labelOf(UUID suggestion) {
    int index = lines(uuids).indexOf(suggestion.toString());
    List<String> labelLines = lines(labels);
    return index >= 0 && index < labelLines.size() ? Optional.of(labelLines.get(index)) : Optional.empty();
  }

  private static List<String> lines(String column) {
    List<String> lines = new ArrayList<>();
    if (column.isEmpty()) {
      return lines;
    }
    int start = 0;
    for (int end = column.indexOf(LINE); end >= 0; end = column.indexOf(LINE, start)) {
      lines.add(column.substring(start, end));
      start = end + 1;
    }
    lines.add(column.substring(start));
    return lines;
  }
}
