package org.ironcds.knowledge.valuesets;

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
 */
public final class ValueSets {
  private final Map<String, ValueSet> byId;
  private final Map<String, Set<String>> tokens;
  private final Set<String> medicationTokens;
  private final Map<String, Optional<Pattern>> names;

  /**
   * @param medicationSetIds the ids of the sets that name drugs (their codes count as "recognised")
   */
  public ValueSets(List<ValueSet> sets, Set<String> medicationSetIds) {
    Map<String, ValueSet> map = new LinkedHashMap<>();
    Map<String, Set<String>> tokenMap = new LinkedHashMap<>();
    Set<String> medication = new HashSet<>();
    Map<String, Optional<Pattern>> nameMap = new LinkedHashMap<>();
    for (ValueSet set : sets) {
      nameMap.put(set.id(), set.namePattern());
      map.put(set.id(), set);
      tokenMap.put(set.id(), set.activeTokens());
      if (medicationSetIds.contains(set.id())) {
        medication.addAll(set.activeTokens());
      }
    }
    this.byId = Map.copyOf(map);
    this.tokens = Map.copyOf(tokenMap);
    this.medicationTokens = Set.copyOf(medication);
    this.names = Map.copyOf(nameMap);
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

  public Set<String> tokens(String id) {
    get(id);
    return tokens.get(id);
  }

  /** Whether a coded thing belongs to a set (codes only). Use for labs. */
  public boolean codedIn(String id, List<Code> codes) {
    return get(id).containsAny(codes, tokens(id));
  }

  /** Whether a medication belongs to a set, by code, or by text when none of its codes is recognised. */
  public boolean medicationIn(String id, List<Code> codes, Optional<String> text) {
    if (codedIn(id, codes)) {
      return true;
    }
    boolean recognised = codes.stream().anyMatch(c -> medicationTokens.contains(c.token()));
    return !recognised && text.map(t -> named(id, t)).orElse(false);
  }

  /** Whether {@code text} names one of the set's ingredients or brands as a whole word. */
  public boolean named(String id, String text) {
    get(id);
    String lower = text.toLowerCase(Locale.ROOT);
    return names.get(id).map(p -> p.matcher(lower).find()).orElse(false);
  }
}
