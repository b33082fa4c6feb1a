package org.ironcds.knowledge.valuesets;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ironcds.chart.Code;

/**
 * All loaded value sets, and the matching rule the issue asks for: a medication matches a set by
 * any of its codes; only a medication with no code recognised by <em>any</em> medication set is
 * matched by its text (ingredient or brand name). Immutable and safe for concurrent use.
 *
 * <p>Look-ups go system, then code, then set ids, so no {@code system|code} string is built per
 * call; the chart's strings keep their cached hash codes.
 */
public final class ValueSets {
  private final Map<String, ValueSet> byId;
  private final Map<String, Map<String, Set<String>>> setsByCode;
  private final Set<String> medicationSetIds;
  private final Map<String, List<String>> lowerNames;
  private final Map<String, Optional<Pattern>> namePatterns;

  /**
   * @param medicationSetIds the ids of the sets that name drugs (their codes count as "recognised")
   */
  public ValueSets(List<ValueSet> sets, Set<String> medicationSetIds) {
    Map<String, ValueSet> map = new LinkedHashMap<>();
    Map<String, Map<String, Set<String>>> index = new HashMap<>();
    Map<String, List<String>> names = new HashMap<>();
    Map<String, Optional<Pattern>> patterns = new HashMap<>();
    for (ValueSet set : sets) {
      map.put(set.id(), set);
      for (Concept concept : set.concepts()) {
        if (set.includeUnverified() || concept.verification().onByDefault()) {
          index.computeIfAbsent(concept.system(), s -> new HashMap<>())
              .computeIfAbsent(concept.code(), c -> new HashSet<>()).add(set.id());
        }
      }
      names.put(set.id(), set.names().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
      patterns.put(set.id(), set.namePattern());
    }
    this.byId = Map.copyOf(map);
    this.setsByCode = index;
    this.medicationSetIds = Set.copyOf(medicationSetIds);
    this.lowerNames = Map.copyOf(names);
    this.namePatterns = Map.copyOf(patterns);
  }

  public Optional<ValueSet> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public ValueSet get(String id) {
    ValueSet set = byId.get(id);
    if (set == null) {
      throw new IllegalArgumentException("unknown value set '" + id + "'");
    }
    return set;
  }

  /** The active tokens ({@code system|code}) of a set: verified codes, and unverified ones when allowed. */
  public Set<String> tokens(String id) {
    return get(id).activeTokens();
  }

  /** Whether a coded thing belongs to a set (codes only). Use for labs. */
  public boolean codedIn(String id, List<Code> codes) {
    get(id);
    for (Code code : codes) {
      if (setsOf(code).contains(id)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a medication belongs to a set, by code, or by text when none of its codes is recognised. */
  public boolean medicationIn(String id, List<Code> codes, Optional<String> text) {
    return medication(codes, text).in(id);
  }

  /**
   * One medication, prepared for asking about many sets: its codes are looked up and its text
   * lower-cased once, not once per set.
   */
  public Medication medication(List<Code> codes, Optional<String> text) {
    Set<String> sets = Set.of();
    boolean recognised = false;
    for (Code code : codes) {
      Set<String> of = setsOf(code);
      if (!of.isEmpty()) {
        if (sets.isEmpty()) {
          sets = new HashSet<>(); // most histories' drugs are in no set: no table for them
        }
        sets.addAll(of);
        recognised |= !Collections.disjoint(of, medicationSetIds);
      }
    }
    return new Medication(sets, recognised ? Optional.empty() : text.map(t -> t.toLowerCase(Locale.ROOT)));
  }

  /** A medication's set memberships, by {@link #medication}. */
  public final class Medication {
    private final Set<String> codedSets;
    private final Optional<String> lowerText;

    private Medication(Set<String> codedSets, Optional<String> lowerText) {
      this.codedSets = codedSets;
      this.lowerText = lowerText;
    }

    /** Whether it belongs to the set: by a code, or by name when no code was recognised. */
    public boolean in(String id) {
      get(id);
      return codedSets.contains(id) || lowerText.isPresent() && namedLower(id, lowerText.get());
    }
  }

  /** Whether {@code text} names one of the set's ingredients or brands as a whole word. */
  public boolean named(String id, String text) {
    get(id);
    return namedLower(id, text.toLowerCase(Locale.ROOT));
  }

  private boolean namedLower(String id, String lower) {
    // A plain substring scan rules most texts out before the whole-word pattern runs.
    for (String name : lowerNames.get(id)) {
      if (lower.contains(name)) {
        Optional<Pattern> pattern = namePatterns.get(id);
        return pattern.isPresent() && pattern.get().matcher(lower).find();
      }
    }
    return false;
  }

  private Set<String> setsOf(Code code) {
    Map<String, Set<String>> codes = setsByCode.get(code.system());
    Set<String> ids = codes == null ? null : codes.get(code.code());
    return ids == null ? Set.of() : ids;
  }
}
