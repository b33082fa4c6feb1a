package org.ironcds.knowledge;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ironcds.chart.Code;
import org.ironcds.knowledge.cards.CardSettings;
import org.ironcds.knowledge.labs.Analyte;
import org.ironcds.knowledge.labs.LabSettings;
import org.ironcds.knowledge.rules.RuleSettings;
import org.ironcds.knowledge.rules.TherapyClass;
import org.ironcds.knowledge.valuesets.Concept;
import org.ironcds.knowledge.valuesets.ValueSet;
import org.ironcds.knowledge.valuesets.ValueSets;

/**
 * The loaded and checked knowledge: value sets, lab, rule and card settings.
 *
 * <p>Defaults are bundled in the jar under {@code knowledge/}. A hospital may point at a directory
 * holding a {@code settings.json} with only the entries to change (merged over the defaults), value
 * set files {@code valuesets/<id>.json} that replace bundled ones, and files that add local codes
 * to a bundled set through the {@code extends} extension. Anything invalid fails {@link #load} with
 * a message naming the file and the entry. Immutable.
 */
public final class Knowledge {
  private final ValueSets valueSets;
  private final LabSettings labSettings;
  private final RuleSettings ruleSettings;
  private final CardSettings cardSettings;

  private Knowledge(ValueSets valueSets, LabSettings labs, RuleSettings rules, CardSettings cards) {
    this.valueSets = valueSets;
    this.labSettings = labs;
    this.ruleSettings = rules;
    this.cardSettings = cards;
  }

  /** Loads the bundled knowledge, with a hospital's directory over it when given. */
  public static Knowledge load(Optional<Path> overrideDir) {
    Objects.requireNonNull(overrideDir, "overrideDir == null");
    Entry settings = KnowledgeFiles.settings(overrideDir);
    RuleSettings rules = SettingsReader.rules(settings);
    LabSettings labs = SettingsReader.labs(settings);
    CardSettings cards = SettingsReader.cards(settings);
    boolean unverified = SettingsReader.includeUnverified(settings);
    Set<String> medicationSets = new LinkedHashSet<>(List.of("iv-iron", "ferric-carboxymaltose"));
    rules.antiresorptives().stream().map(TherapyClass::valueSetId).forEach(medicationSets::add);
    Map<String, ValueSet> sets = new LinkedHashMap<>();
    for (String id : requiredSets(medicationSets)) {
      sets.put(id, ValueSetReader.read(KnowledgeFiles.read(overrideDir, "valuesets/" + id + ".json"), id, unverified));
    }
    overrideDir.ifPresent(dir -> KnowledgeFiles.addLocalCodes(dir, sets));
    ValueSets valueSets = new ValueSets(List.copyOf(sets.values()), medicationSets);
    checkAlternatives(valueSets, cards);
    return new Knowledge(valueSets, labs, rules, cards);
  }

  private static Set<String> requiredSets(Set<String> medicationSets) {
    Set<String> ids = new LinkedHashSet<>(medicationSets);
    for (Analyte analyte : Analyte.values()) {
      ids.add(analyte.valueSetId());
    }
    return ids;
  }

  private static void checkAlternatives(ValueSets valueSets, CardSettings cards) {
    for (int i = 0; i < cards.alternatives().size(); i++) {
      CardSettings.AlternativeProduct product = cards.alternatives().get(i);
      Code code = Code.of("http://www.nlm.nih.gov/research/umls/rxnorm", product.rxnorm());
      if (valueSets.codedIn("ferric-carboxymaltose", List.of(code)) || !valueSets.codedIn("iv-iron", List.of(code))) {
        throw new KnowledgeException("settings.json: alternatives[" + i + "]: RxNorm " + product.rxnorm()
            + " must be an IV iron product other than ferric carboxymaltose");
      }
    }
  }

  public ValueSets valueSets() {
    return valueSets;
  }

  public LabSettings labSettings() {
    return labSettings;
  }

  public RuleSettings ruleSettings() {
    return ruleSettings;
  }

  public CardSettings cardSettings() {
    return cardSettings;
  }

  /**
   * The observation codes the rules read, as search tokens {@code http://loinc.org|<code>}: every
   * lab value set plus body weight (LOINC 29463-7), for the prefetch Observation template.
   */
  public List<String> labCodeTokens() {
    Set<String> tokens = new LinkedHashSet<>();
    for (Analyte analyte : Analyte.values()) {
      Set<String> active = valueSets.tokens(analyte.valueSetId());
      valueSets.get(analyte.valueSetId()).concepts().stream()
          .map(Concept::token)
          .filter(active::contains)
          .forEach(tokens::add);
    }
    return List.copyOf(tokens);
  }
}
