package org.ironcds.knowledge.labs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ironcds.chart.Code;
import org.ironcds.knowledge.valuesets.Concept;
import org.ironcds.knowledge.valuesets.ValueSets;

/**
 * Which analyte a lab code belongs to, precomputed from the lab value sets so that sorting a
 * chart's results costs two hash look-ups per code and builds no strings. Never modified after
 * construction, so safe for concurrent use.
 */
public final class AnalyteIndex {
  private final Map<String, Map<String, Analyte>> bySystemAndCode;

  private AnalyteIndex(Map<String, Map<String, Analyte>> bySystemAndCode) {
    this.bySystemAndCode = bySystemAndCode;
  }

  public static AnalyteIndex of(ValueSets valueSets) {
    Map<String, Map<String, Analyte>> index = new HashMap<>();
    for (Analyte analyte : Analyte.values()) {
      Set<String> active = valueSets.tokens(analyte.valueSetId());
      for (Concept concept : valueSets.get(analyte.valueSetId()).concepts()) {
        if (active.contains(concept.token())) {
          index.computeIfAbsent(concept.system(), s -> new HashMap<>()).putIfAbsent(concept.code(), analyte);
        }
      }
    }
    return new AnalyteIndex(index);
  }

  public Optional<Analyte> analyte(List<Code> codes) {
    for (Code code : codes) {
      Map<String, Analyte> bySystem = bySystemAndCode.get(code.system());
      Analyte analyte = bySystem == null ? null : bySystem.get(code.code());
      if (analyte != null) {
        return Optional.of(analyte);
      }
    }
    return Optional.empty();
  }
}
