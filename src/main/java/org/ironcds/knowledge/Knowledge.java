package org.ironcds.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
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
  static final String EXTENDS_URL = ValueSetReader.EXT + "extends";
  private static final String CANONICAL_BASE = "http://ironcds.org/fhir/ValueSet/";
  private static final ObjectMapper JSON = new ObjectMapper();

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
    Entry settings = settings(overrideDir);
    RuleSettings rules = SettingsReader.rules(settings);
    LabSettings labs = SettingsReader.labs(settings);
    CardSettings cards = SettingsReader.cards(settings);
    boolean unverified = SettingsReader.includeUnverified(settings);
    Set<String> medicationSets = new LinkedHashSet<>(List.of("iv-iron", "ferric-carboxymaltose"));
    rules.antiresorptives().stream().map(TherapyClass::valueSetId).forEach(medicationSets::add);
    Map<String, ValueSet> sets = new LinkedHashMap<>();
    for (String id : requiredSets(medicationSets)) {
      sets.put(id, ValueSetReader.read(readFile(overrideDir, "valuesets/" + id + ".json"), id, unverified));
    }
    overrideDir.ifPresent(dir -> addLocalCodes(dir, sets));
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

  private static Entry settings(Optional<Path> overrideDir) {
    Entry bundled = readFile(Optional.empty(), "settings.json");
    Optional<Path> local = overrideDir.map(d -> d.resolve("settings.json")).filter(Files::isRegularFile);
    if (local.isEmpty()) {
      return bundled;
    }
    Entry override = readFile(overrideDir, "settings.json");
    ObjectNode merged = ((ObjectNode) bundled.node()).deepCopy();
    merge(merged, override.node());
    return new Entry("settings.json (bundled, overridden by " + local.get() + ")", "", merged);
  }

  /** Objects merge key by key; anything else (numbers, strings, arrays) replaces. */
  private static void merge(ObjectNode target, JsonNode override) {
    override.fields().forEachRemaining(field -> {
      JsonNode existing = target.get(field.getKey());
      if (existing instanceof ObjectNode object && field.getValue().isObject()) {
        merge(object, field.getValue());
      } else {
        target.set(field.getKey(), field.getValue());
      }
    });
  }

  private static void addLocalCodes(Path dir, Map<String, ValueSet> sets) {
    Path folder = dir.resolve("valuesets");
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String name = file.getFileName().toString();
        if (sets.containsKey(name.substring(0, name.length() - ".json".length()))) {
          continue; // a replacement, already read in place of the bundled file
        }
        Entry root = readFile(Optional.of(dir), "valuesets/" + name);
        String target = ValueSetReader.extension(root, "extends")
            .orElseThrow(() -> root.fail("not a known value set id and no 'extends' extension naming one"));
        ValueSet base = sets.get(target.replace(CANONICAL_BASE, ""));
        if (base == null) {
          throw root.fail("extends unknown value set '" + target + "'");
        }
        List<Concept> concepts = new ArrayList<>(base.concepts());
        concepts.addAll(ValueSetReader.concepts(root));
        List<String> names = new ArrayList<>(base.names());
        names.addAll(ValueSetReader.extensions(root, "match-text"));
        sets.put(base.id(), new ValueSet(base.id(), base.title(), base.source() + " Local additions: " + name,
            concepts, names, base.includeUnverified()));
      }
    } catch (IOException e) {
      throw new KnowledgeException(folder + ": cannot list value set files", e);
    }
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

  private static Entry readFile(Optional<Path> overrideDir, String relative) {
    Optional<Path> local = overrideDir.map(d -> d.resolve(relative)).filter(Files::isRegularFile);
    String name = local.map(Path::toString).orElse("knowledge/" + relative);
    try (InputStream in = local.isPresent() ? Files.newInputStream(local.get())
        : Knowledge.class.getClassLoader().getResourceAsStream("knowledge/" + relative)) {
      if (in == null) {
        throw new KnowledgeException(name + ": not found");
      }
      return new Entry(name, "", JSON.readTree(in));
    } catch (IOException e) {
      throw new KnowledgeException(name + ": not valid JSON: " + e.getMessage(), e);
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
      valueSets.get(analyte.valueSetId()).concepts().stream()
          .filter(c -> valueSets.tokens(analyte.valueSetId()).contains(c.token()))
          .forEach(c -> tokens.add(c.token()));
    }
    return List.copyOf(tokens);
  }
}
