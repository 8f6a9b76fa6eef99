package org.evote.kiosk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * kiosk-client depends on crypto and board-client and never on the server, the tally tool or the launcher; it
 * talks to the board only through board-client.
 */
class ModuleBoundaryTest {
  @Test
  void theKioskNeverDependsOnTheServerOrTheTallyTool() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.evote.kiosk");
    noClasses().that().resideInAPackage("org.evote.kiosk..").should().dependOnClassesThat()
        .resideInAnyPackage("org.evote.server..", "org.evote.tally..", "org.evote.launcher..").check(classes);
  }

  @Test
  void theKioskTalksToTheBoardOnlyThroughTheBoardClient() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.evote.kiosk");
    noClasses().that().resideInAPackage("org.evote.kiosk..").should().dependOnClassesThat()
        .resideInAPackage("java.net.http..").check(classes);
  }

  @Test
  void randomnessComesFromTheEntryPoint() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.evote.kiosk");
    noClasses().that().resideInAnyPackage("org.evote.kiosk.service..", "org.evote.kiosk.robot..").should()
        .callConstructor(java.security.SecureRandom.class).check(classes);
  }

  @Test
  void thePollWorkersViewModelIsFreeOfJavaFx() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.evote.kiosk");
    noClasses().that().resideInAPackage("org.evote.kiosk.pollworker..").should().dependOnClassesThat()
        .resideInAnyPackage("javafx..", "org.evote.kiosk.ui..").check(classes);
  }
}
