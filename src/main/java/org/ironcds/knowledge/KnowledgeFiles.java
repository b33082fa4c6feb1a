package org.ironcds.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.ironcds.knowledge.valuesets.Concept;
import org.ironcds.knowledge.valuesets.ValueSet;

/**
 * Finds and reads the knowledge files: a hospital's directory first, the bundled jar resources
 * under {@code knowledge/} otherwise; merges a partial {@code settings.json} over the bundled one
 * and folds "extends" value sets into their targets.
 */
final class KnowledgeFiles {
  private static final String CANONICAL_BASE = "http://ironcds.org/fhir/ValueSet/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private KnowledgeFiles() {}

  /** The bundled settings, with the hospital's partial settings.json merged over them. */
  static Entry settings(Optional<Path> overrideDir) {
    Entry bundled = read(Optional.empty(), "settings.json");
    Optional<Path> local = overrideDir.map(d -> d.resolve("settings.json")).filter(Files::isRegularFile);
    if (local.isEmpty()) {
      return bundled;
    }
    Entry override = read(overrideDir, "settings.json");
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

  /** Adds the concepts and names of every local file that extends a loaded set to that set. */
  static void addLocalCodes(Path dir, Map<String, ValueSet> sets) {
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
        Entry root = read(Optional.of(dir), "valuesets/" + name);
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

  /** One file from the hospital's directory when it has it, else from the jar. */
  static Entry read(Optional<Path> overrideDir, String relative) {
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
}
