package org.ironcds.knowledge.valuesets;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A named code list with its cited source, plus the ingredient and brand names used to match a
 * medication that carries no recognised code. Only concepts switched on take part in matching.
 */
public record ValueSet(String id, String title, String source, List<Concept> concepts, List<String> names,
    boolean includeUnverified) {

  public ValueSet {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(title, "title == null");
    Objects.requireNonNull(source, "source == null");
    concepts = List.copyOf(concepts);
    names = List.copyOf(names);
  }

  /** The tokens ({@code system|code}) that match: verified codes, and unverified ones when allowed. */
  public Set<String> activeTokens() {
    return concepts.stream()
        .filter(c -> includeUnverified || c.verification().onByDefault())
        .map(Concept::token)
        .collect(Collectors.toUnmodifiableSet());
  }


  /**
   * One whole-word pattern matching any of this set's ingredient and brand names in lower-case
   * text; empty when the set has no names. One alternation keeps text matching to a single scan.
   */
  public Optional<Pattern> namePattern() {
    if (names.isEmpty()) {
      return Optional.empty();
    }
    String alternatives = names.stream().map(n -> Pattern.quote(n.toLowerCase(Locale.ROOT)))
        .collect(Collectors.joining("|"));
    return Optional.of(Pattern.compile("\\b(?:" + alternatives + ")\\b"));
  }
}
