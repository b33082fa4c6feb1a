package org.ironcds.knowledge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the chart and the pure knowledge packages free of FHIR library, JSON and protocol types. */
class KnowledgeDependenciesTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.ironcds.chart", "org.ironcds.knowledge");

  @Test
  void chartRecordsHaveNoHapiOrJacksonTypes() {
    noClasses().that().resideInAPackage("org.ironcds.chart")
        .should().dependOnClassesThat().resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..", "com.fasterxml..")
        .check(CLASSES);
  }

  @Test
  void rulesLabsAndValueSetsAreFreeOfHapiJacksonAndProtocol() {
    noClasses().that().resideInAnyPackage("org.ironcds.knowledge.rules", "org.ironcds.knowledge.labs",
            "org.ironcds.knowledge.valuesets")
        .should().dependOnClassesThat().resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..", "com.fasterxml..",
            "org.ironcds.cdshooks..", "org.ironcds.knowledge.cards..")
        .check(CLASSES);
  }
}
