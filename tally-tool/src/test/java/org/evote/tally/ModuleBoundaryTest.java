package org.evote.tally;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * tally-tool depends on crypto and board-client and never on the server, the kiosk or the launcher; it talks to
 * the board only through board-client; desktop view models stay free of views.
 */
class ModuleBoundaryTest {
  @Test
  void tallyToolNeverDependsOnServerOrKiosk() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.evote.tally");
    noClasses().that().resideInAPackage("org.evote.tally..").should().dependOnClassesThat()
        .resideInAnyPackage("org.evote.server..", "org.evote.kiosk..", "org.evote.launcher..").check(classes);
  }

  @Test
  void theTallyToolTalksToTheBoardOnlyThroughTheBoardClient() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.evote.tally");
    noClasses().that().resideInAPackage("org.evote.tally..").should().dependOnClassesThat()
        .resideInAPackage("java.net.http..").check(classes);
  }

  @Test
  void desktopViewModelsAndServicesNeverTouchTheSceneGraph() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.evote.tally");
    noClasses().that().haveSimpleNameEndingWith("ViewModel").or().resideInAnyPackage("org.evote.tally.service..",
        "org.evote.tally.report..").or().haveSimpleName("Background").should().dependOnClassesThat()
        .resideInAnyPackage("javafx.scene..", "javafx.stage..").check(classes);
  }
}
