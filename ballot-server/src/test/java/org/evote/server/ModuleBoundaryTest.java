package org.evote.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.evote.board.client.ApiPaths;
import org.evote.board.client.ErrorCodes;
import org.junit.jupiter.api.Test;

/**
 * ballot-server depends on crypto and board-client (for the API's paths only) and never on the kiosk, the tally
 * tool or the launcher; inside it the layers go one way only: {@code http} (controllers) → {@code board} (the
 * writer, receipts, reads) → {@code store} (SQLite).
 */
class ModuleBoundaryTest {
  static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.evote.server");

  @Test
  void theServerNeverDependsOnTheKioskOrTheTallyTool() {
    noClasses().that().resideInAPackage("org.evote.server..").should().dependOnClassesThat()
        .resideInAnyPackage("org.evote.kiosk..", "org.evote.tally..", "org.evote.launcher..").check(MAIN);
  }

  @Test
  void theServerTakesOnlyTheApiPathsAndErrorCodesFromTheBoardClient() {
    // Routes are registered with ApiPaths, errors named with ErrorCodes; only the command line's "admin" talks to a
    // board, as a client.
    noClasses().that().resideInAnyPackage("org.evote.server.http..", "org.evote.server.board..",
        "org.evote.server.store..").should().dependOnClassesThat(
        JavaClass.Predicates.resideInAPackage("org.evote.board.client..")
            .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(ApiPaths.class)))
            .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(ErrorCodes.class)))).check(MAIN);
  }

  @Test
  void theBoardAndItsStorageKnowNothingOfHttp() {
    noClasses().that().resideInAnyPackage("org.evote.server.board..", "org.evote.server.store..").should()
        .dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "org.evote.server.http..")
        .check(MAIN);
  }

  @Test
  void theWitnessClientReachesTheBoardOnlyThroughItsService() {
    noClasses().that().resideInAPackage("org.evote.server.witness..").should().dependOnClassesThat()
        .resideInAnyPackage("org.evote.server.store..", "org.evote.server.http..", "io.javalin..", "java.sql..")
        .check(MAIN);
    noClasses().that().resideInAnyPackage("org.evote.server.board..", "org.evote.server.store..",
        "org.evote.server.http..").should().dependOnClassesThat().resideInAPackage("org.evote.server.witness..")
        .check(MAIN);
  }

  @Test
  void theStoreKnowsNothingOfTheBoard() {
    noClasses().that().resideInAPackage("org.evote.server.store..").should().dependOnClassesThat()
        .resideInAnyPackage("org.evote.server.board..", "org.evote.server.http..").check(MAIN);
  }

  @Test
  void theHttpLayerReachesTheStoreOnlyThroughTheBoard() {
    noClasses().that().resideInAPackage("org.evote.server.http..").should().dependOnClassesThat()
        .resideInAnyPackage("org.evote.server.store..", "org.sqlite..", "java.sql..").check(MAIN);
  }

  @Test
  void onlyTheStoreTalksToSqlite() {
    noClasses().that().resideInAnyPackage("org.evote.server.board..", "org.evote.server.http..").should()
        .dependOnClassesThat().resideInAnyPackage("org.sqlite..", "java.sql..").check(MAIN);
  }

  @Test
  void theLayersDoNotDependOnTheCommandLine() {
    noClasses().that().resideInAnyPackage("org.evote.server.http..", "org.evote.server.board..",
        "org.evote.server.store..").should().dependOnClassesThat().resideInAnyPackage("picocli..")
        .check(MAIN);
  }

  @Test
  void randomnessIsNeverCreatedBelowTheEntryPoints() {
    noClasses().that().resideInAnyPackage("org.evote.server.board..", "org.evote.server.store..",
        "org.evote.server.http..", "org.evote.crypto.keystore..").should()
        .callConstructor(java.security.SecureRandom.class).check(MAIN);
  }
}
