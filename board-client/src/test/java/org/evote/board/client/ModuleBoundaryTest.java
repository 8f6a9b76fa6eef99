package org.evote.board.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** board-client depends on the crypto library only: never on the server or any other program. */
class ModuleBoundaryTest {
  static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.evote");

  @Test
  void theBoardClientDependsOnTheLibraryOnly() {
    classes().that().resideInAPackage("org.evote.board.client..").should().onlyDependOnClassesThat()
        .resideInAnyPackage("org.evote.board.client..", "org.evote.crypto..", "java..", "javax.net.ssl..",
            "jakarta.json..")
        .check(MAIN);
  }
}
