package org.ironcds.knowledge.labs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ironcds.chart.Code;
import org.ironcds.knowledge.valuesets.ValueSets;

/**
 * Which analyte a lab code belongs to, precomputed from the lab value sets so that sorting a
 * chart's results is one hash look-up per code. Immutable.
 */
public final class AnalyteIndex {
  private final Map<String, Analyte> byToken;

  private AnalyteIndex(Map<String, Analyte> byToken) {
    this.byToken = Map.copyOf(byToken);
  }

  public static AnalyteIndex of(ValueSets valueSets) {
    Map<String, Analyte> byToken = new HashMap<>();
    for (Analyte analyte : Analyte.values()) {
      valueSets.tokens(analyte.valueSetId()).forEach(token -> byToken.putIfAbsent(token, analyte));
    }
    return new AnalyteIndex(byToken);
  }

  public Optional<Analyte> analyte(List<Code> codes) {
    for (Code code : codes) {
      Analyte analyte = byToken.get(code.system() + "|" + code.code());
      if (analyte != null) {
        return Optional.of(analyte);
      }
    }
    return Optional.empty();
  }
}
