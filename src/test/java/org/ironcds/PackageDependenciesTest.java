package org.ironcds;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Holds the dependency table of shared/reference/style.md: who may depend on whom. */
class PackageDependenciesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.ironcds");
  }

  @Test
  void protocolRecordsKnowNeitherHapiNorJettyNorOtherPackages() {
    noClasses().that().resideInAPackage("org.ironcds.cdshooks..")
        .should().dependOnClassesThat().resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..", "org.eclipse.jetty..",
            "org.ironcds.http..", "org.ironcds.cdsservice..", "org.ironcds.prefetch..", "org.ironcds.knowledge..",
            "org.ironcds.chart..", "org.ironcds.auth..", "org.ironcds.feedback..", "org.ironcds.config..")
        .check(classes);
  }

  @Test
  void configurationIsALeafReadOnlyByTheCompositionRoot() {
    noClasses().that().resideInAPackage("org.ironcds.config..")
        .should().dependOnClassesThat().resideInAnyPackage("org.ironcds.http..", "org.ironcds.cdsservice..",
            "org.ironcds.prefetch..", "org.ironcds.knowledge..", "org.ironcds.auth..", "org.ironcds.feedback..")
        .check(classes);
    noClasses().that().resideOutsideOfPackages("org.ironcds", "org.ironcds.config..")
        .should().dependOnClassesThat().resideInAPackage("org.ironcds.config..")
        .check(classes);
  }

  @Test
  void onlyTheConfigurationReadsTheEnvironment() {
    noClasses().that().resideOutsideOfPackages("org.ironcds.config..")
        .should().callMethod(System.class, "getenv")
        .orShould().callMethod(System.class, "getenv", String.class)
        .check(classes);
  }

  @Test
  void httpLayerUsesNoHapiTypesDirectly() {
    noClasses().that().resideInAPackage("org.ironcds.http..")
        .should().dependOnClassesThat().resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..", "org.ironcds.knowledge..")
        .check(classes);
  }

  @Test
  void serviceLayerKnowsNoJetty() {
    noClasses().that().resideInAnyPackage("org.ironcds.cdsservice..", "org.ironcds.auth..", "org.ironcds.prefetch..",
            "org.ironcds.knowledge..", "org.ironcds.chart..", "org.ironcds.feedback..")
        .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "org.ironcds.http..")
        .check(classes);
  }

  @Test
  void topLevelPackagesHaveNoCycles() {
    slices().matching("org.ironcds.(*)..").should().beFreeOfCycles().check(classes);
  }
}
