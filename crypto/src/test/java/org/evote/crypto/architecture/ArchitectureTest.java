package org.evote.crypto.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.ceremony.GuardianPolynomial;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.junit.jupiter.api.Test;

/** The architecture rules of DEVELOPERS.md, as tests. */
class ArchitectureTest {
  static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.evote.crypto");

  @Test
  void cryptoDependsOnNothingOfOurs() {
    classes().that().resideInAPackage("org.evote.crypto..").should().onlyDependOnClassesThat()
        .resideInAnyPackage("org.evote.crypto..", "java..", "javax.crypto..", "jakarta.json..", "org.bouncycastle..")
        .check(MAIN);
  }

  @Test
  void conceptPackagesHaveNoCycles() {
    slices().matching("org.evote.crypto.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void randomnessIsNeverCreatedInsideTheLibrary() {
    noClasses().should().callConstructor(SecureRandom.class).check(MAIN);
    noClasses().should().callConstructor(java.util.Random.class).check(MAIN);
    noClasses().should().callMethod(Math.class, "random").check(MAIN);
  }

  @Test
  void secretsAreNeverRecords() {
    for (Class<?> c : List.of(Scalar.class, SecretScalar.class, BallotSeed.class, PlaintextBallot.class, GuardianKey.class,
        GuardianPolynomial.class, Ed25519.PrivateKey.class, KeyCeremony.Outcome.class)) {
      assertFalse(c.isRecord(), c + " holds a secret and must not be a record");
    }
  }

  @Test
  void secretScalarsHaveNoValueEqualityAndOneAccessor() throws Exception {
    for (String name : List.of("equals", "hashCode")) {
      for (var m : SecretScalar.class.getDeclaredMethods()) {
        assertFalse(m.getName().equals(name), "SecretScalar must not declare " + name);
      }
    }
    List<String> returningScalar = new ArrayList<>();
    for (var m : SecretScalar.class.getDeclaredMethods()) {
      if (java.lang.reflect.Modifier.isPublic(m.getModifiers()) && m.getReturnType() == Scalar.class) {
        returningScalar.add(m.getName());
      }
    }
    assertEquals(List.of("revealSecret"), returningScalar);
    assertEquals("SecretScalar[redacted]", SecretScalar.random(new SecureRandom()).toString());
  }

  @Test
  void secretsInTheCeremonyAndEncryptionAreSecretScalars() throws Exception {
    assertEquals(SecretScalar.class, GuardianKey.class.getMethod("share").getReturnType());
    assertEquals(SecretScalar.class, GuardianPolynomial.class.getMethod("coefficient", int.class).getReturnType());
    assertEquals(SecretScalar.class, GuardianPolynomial.class.getMethod("shareFor", int.class).getReturnType());
  }

  /** No inline tag strings; RangeStatement's tag is checked against the two range-proof constants. */
  @Test
  void everyHashStartsWithANamedDomainTag() throws IOException {
    Path main = Path.of("src/main/java");
    Pattern call = Pattern.compile("Hasher\\.tagged\\(([^)]*)\\)");
    List<String> offenders = new ArrayList<>();
    int calls = 0;
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = call.matcher(Files.readString(f));
        while (m.find()) {
          if (f.endsWith("Hasher.java")) {
            continue;
          }
          calls++;
          if (m.group(1).contains("\"") || !(m.group(1).startsWith("DomainTags.") || f.endsWith("RangeStatement.java"))) {
            offenders.add(f + ": " + m.group());
          }
        }
      }
    }
    assertTrue(calls > 15, "found the tagged hash calls");
    assertEquals(List.of(), offenders);
  }
}
