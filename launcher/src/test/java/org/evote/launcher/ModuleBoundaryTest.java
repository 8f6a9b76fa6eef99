package org.evote.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The launcher sits on top: it may use every program, and no program or the library may use it. Below it, the
 * programs (server, kiosk, tally tool, witness) depend on crypto and board-client and never on each other; the
 * witness, which observers run on their own machines, depends on crypto only; board-client depends on crypto only.
 */
class ModuleBoundaryTest {
  static final JavaClasses ALL = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.evote");

  @Test
  void nothingDependsOnTheLauncher() {
    noClasses().that().resideOutsideOfPackage("org.evote.launcher..").should().dependOnClassesThat()
        .resideInAPackage("org.evote.launcher..").check(ALL);
  }

  @Test
  void theProgramsNeverDependOnEachOther() {
    String[] programs = {"org.evote.server..", "org.evote.kiosk..", "org.evote.tally..", "org.evote.witness.."};
    for (String program : programs) {
      String[] others = java.util.Arrays.stream(programs).filter(p -> !p.equals(program))
          .toArray(String[]::new);
      noClasses().that().resideInAPackage(program).should().dependOnClassesThat().resideInAnyPackage(others)
          .check(ALL);
    }
  }

  @Test
  void theWitnessDependsOnTheLibraryOnly() {
    noClasses().that().resideInAPackage("org.evote.witness..").should().dependOnClassesThat()
        .resideInAnyPackage("org.evote.board.client..", "org.evote.server..", "org.evote.kiosk..",
            "org.evote.tally..", "org.evote.launcher..")
        .check(ALL);
    noClasses().that().resideOutsideOfPackage("org.evote.witness..").and().resideOutsideOfPackage(
        "org.evote.launcher..").should().dependOnClassesThat().resideInAPackage("org.evote.witness..").check(ALL);
  }

  @Test
  void theBoardClientDependsOnTheLibraryOnly() {
    noClasses().that().resideInAPackage("org.evote.board.client..").should().dependOnClassesThat()
        .resideInAnyPackage("org.evote.server..", "org.evote.kiosk..", "org.evote.tally..", "org.evote.witness..",
            "org.evote.launcher..")
        .check(ALL);
    noClasses().that().resideInAPackage("org.evote.crypto..").should().dependOnClassesThat()
        .resideInAPackage("org.evote.board.client..").check(ALL);
  }

  @Test
  void theKioskTheTallyToolAndTheLauncherTalkToTheBoardOnlyThroughTheBoardClient() {
    noClasses().that().resideInAnyPackage("org.evote.kiosk..", "org.evote.tally..", "org.evote.launcher..")
        .should().dependOnClassesThat().resideInAPackage("java.net.http..").check(ALL);
  }

  @Test
  void noProgramUsesTheLibrarysInternals() {
    // The programs are classpath consumers of the crypto module, so the module system does not stop them.
    noClasses().that().resideOutsideOfPackage("org.evote.crypto..").should().dependOnClassesThat()
        .resideInAPackage("org.evote.crypto..internal..").check(ALL);
  }

  @Test
  void noCodeLooksUpTheJsonProviderForEachBuilder() {
    // Json.createObjectBuilder() and friends run a ServiceLoader lookup per call (≈ 17 µs); JsonText's shared
    // factory builds the same objects in 0.03 µs. Covers every module's main code.
    DescribedPredicate<JavaMethodCall> lookup = new DescribedPredicate<>("Json.create*Builder(...)") {
      @Override
      public boolean test(JavaMethodCall call) {
        return call.getTargetOwner().isEquivalentTo(jakarta.json.Json.class)
            && call.getName().matches("create(Object|Array)Builder|createValue");
      }
    };
    noClasses().should().callMethodWhere(lookup).check(ALL);
  }

  @Test
  void theMockElectionDrivesTheProgramsThroughTheirPublicApisOnly() {
    // No reaching into the programs' command-line classes: the demo uses the same services the commands use.
    noClasses().that().resideInAPackage("org.evote.launcher.election..").or().resideInAPackage(
        "org.evote.launcher.load..").should().dependOnClassesThat().resideInAnyPackage("org.evote.tally.cli..",
        "org.evote.kiosk.ui..", "org.evote.tally.gui..").check(ALL);
  }
}
