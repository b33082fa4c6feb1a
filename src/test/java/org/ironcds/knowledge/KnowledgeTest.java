package org.ironcds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.ironcds.chart.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeTest {
  @TempDir Path dir;

  @Test
  void bundledKnowledgeLoadsWithDocumentedDefaults() {
    Knowledge knowledge = Knowledge.load(Optional.empty());
    assertThat(knowledge.ruleSettings().antiresorptives()).anySatisfy(c -> {
      assertThat(c.id()).isEqualTo("denosumab");
      assertThat(c.effectWindow()).isEqualTo(Period.ofMonths(7));
    });
    assertThat(knowledge.labSettings().lookback()).isEqualTo(Period.ofDays(90));
    assertThat(knowledge.cardSettings().followUp()).containsExactly(Period.ofDays(7), Period.ofDays(21),
        Period.ofDays(51), Period.ofDays(81));
  }

  @Test
  void labCodeTokensCoverLabValueSetsAndBodyWeight() {
    List<String> tokens = TestCharts.knowledge().labCodeTokens();
    assertThat(tokens).contains("http://loinc.org|2777-1", "http://loinc.org|14879-1", "http://loinc.org|1751-7",
        "http://loinc.org|98979-8", "http://loinc.org|29463-7").allMatch(t -> t.startsWith("http://loinc.org|"));
  }

  @Test
  void hospitalCanChangeAWindowWithoutRebuilding() throws IOException {
    Files.writeString(dir.resolve("settings.json"),
        "{\"antiresorptives\":{\"denosumab\":{\"effectWindow\":\"P9M\"}}}");
    Knowledge knowledge = Knowledge.load(Optional.of(dir));
    assertThat(knowledge.ruleSettings().antiresorptives()).filteredOn(c -> c.id().equals("denosumab"))
        .singleElement().satisfies(c -> assertThat(c.effectWindow()).isEqualTo(Period.ofMonths(9)));
  }

  @Test
  void hospitalCanAddLocalFormularyCodes() throws IOException {
    Files.createDirectories(dir.resolve("valuesets"));
    Files.writeString(dir.resolve("valuesets/local-denosumab.json"), """
        {"resourceType":"ValueSet","id":"local-denosumab","description":"Local formulary, pharmacy 2026",
         "extension":[{"url":"http://ironcds.org/fhir/StructureDefinition/extends",
                       "valueCanonical":"http://ironcds.org/fhir/ValueSet/denosumab"}],
         "compose":{"include":[{"system":"urn:oid:1.2.3.4","concept":[{"code":"DENO60"}]}]}}
        """);
    Knowledge knowledge = Knowledge.load(Optional.of(dir));
    assertThat(knowledge.valueSets().codedIn("denosumab", List.of(Code.of("urn:oid:1.2.3.4", "DENO60")))).isTrue();
  }

  @Test
  void invalidWindowFailsNamingFileAndEntry() throws IOException {
    Files.writeString(dir.resolve("settings.json"),
        "{\"antiresorptives\":{\"denosumab\":{\"effectWindow\":\"seven months\"}}}");
    assertThatThrownBy(() -> Knowledge.load(Optional.of(dir)))
        .isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("settings.json")
        .hasMessageContaining("antiresorptives.denosumab.effectWindow: 'seven months' is not an ISO-8601 period");
  }

  @Test
  void invalidVerificationMarkFailsNamingFileAndConcept() throws IOException {
    Files.createDirectories(dir.resolve("valuesets"));
    Files.writeString(dir.resolve("valuesets/phosphate.json"), """
        {"resourceType":"ValueSet","id":"phosphate","description":"test",
         "compose":{"include":[{"system":"http://loinc.org","concept":[{"code":"2777-1",
           "extension":[{"url":"http://ironcds.org/fhir/StructureDefinition/verification","valueCode":"maybe"}]}]}]}}
        """);
    assertThatThrownBy(() -> Knowledge.load(Optional.of(dir)))
        .hasMessageContaining("valuesets/phosphate.json: compose.include[0].concept[0]: verification 'maybe'");
  }

  @Test
  void ferricCarboxymaltoseCannotBeConfiguredAsAnAlternative() throws IOException {
    String bundled = new String(Knowledge.class.getResourceAsStream("/knowledge/settings.json").readAllBytes());
    Files.writeString(dir.resolve("settings.json"), bundled.replace("\"2274408\"", "\"1435169\""));
    assertThatThrownBy(() -> Knowledge.load(Optional.of(dir)))
        .hasMessageContaining("alternatives[0]: RxNorm 1435169 must be an IV iron product other than ferric carboxymaltose");
  }

  @Test
  void valueSetWithoutSourceIsRejected() throws IOException {
    Files.createDirectories(dir.resolve("valuesets"));
    Files.writeString(dir.resolve("valuesets/egfr.json"), """
        {"resourceType":"ValueSet","id":"egfr","compose":{"include":[{"system":"http://loinc.org","concept":[{"code":"1"}]}]}}
        """);
    assertThatThrownBy(() -> Knowledge.load(Optional.of(dir)))
        .hasMessageContaining("valuesets/egfr.json: a value set must cite its source");
  }
}
