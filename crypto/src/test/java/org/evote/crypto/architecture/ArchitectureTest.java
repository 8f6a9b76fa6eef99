package org.evote.crypto.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.ceremony.GuardianPolynomial;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.group.Element;
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

  /**
   * The native MSM sees public data only (protocol §1.5): the code that holds secret scalars — the kiosk's
   * encryption, the shuffle and its prover, the guardians' decryptions — never calls {@code Msm.sum}, which may
   * dispatch to it; the prover's sums over its nonces go through {@code Msm.sumWithSecretScalars} (Java only).
   */
  @Test
  void codeWithSecretScalarsNeverReachesTheNativeMsm() {
    noClasses().that().haveFullyQualifiedName("org.evote.crypto.mix.ShuffleProver")
        .or().haveFullyQualifiedName("org.evote.crypto.mix.Shuffler")
        .or().haveFullyQualifiedName("org.evote.crypto.decrypt.MixDecryptor")
        .or().haveFullyQualifiedName("org.evote.crypto.decrypt.Decryptor")
        .or().haveFullyQualifiedName("org.evote.crypto.proof.EncryptionBatch")
        .or().haveFullyQualifiedName("org.evote.crypto.ballot.BallotEncryptor")
        .should().callMethod("org.evote.crypto.group.internal.Msm", "sum",
            "org.bouncycastle.math.ec.ECPoint[]", "java.math.BigInteger[]", "int")
        .check(MAIN);
  }

  @Test
  void conceptPackagesHaveNoCycles() {
    slices().matching("org.evote.crypto.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  static final Set<String> EXPORTED = Set.of("org.evote.crypto", "org.evote.crypto.ballot", "org.evote.crypto.board",
      "org.evote.crypto.ceremony", "org.evote.crypto.count", "org.evote.crypto.decrypt", "org.evote.crypto.election",
      "org.evote.crypto.elgamal", "org.evote.crypto.group", "org.evote.crypto.hash", "org.evote.crypto.json",
      "org.evote.crypto.keystore", "org.evote.crypto.manifest", "org.evote.crypto.mix", "org.evote.crypto.note",
      "org.evote.crypto.notice",
      "org.evote.crypto.proof", "org.evote.crypto.record",
      "org.evote.crypto.tally", "org.evote.crypto.verify");

  @Test
  void theLibraryIsANamedModuleThatExportsOnlyItsConceptPackages() {
    Module module = Element.class.getModule();
    assertTrue(module.isNamed(), "tests run on the module path");
    assertEquals("org.evote.crypto", module.getName());
    Set<String> exported = new TreeSet<>();
    for (ModuleDescriptor.Exports e : module.getDescriptor().exports()) {
      assertFalse(e.isQualified(), e.toString());
      exported.add(e.source());
    }
    assertEquals(new TreeSet<>(EXPORTED), exported);
    Set<String> internal = new TreeSet<>();
    MAIN.forEach(c -> internal.add(c.getPackageName()));
    internal.removeAll(EXPORTED);
    assertEquals(Set.of("org.evote.crypto.group.internal"), internal);
  }

  @Test
  void theInternalPackageHoldsTheRawArithmetic() {
    classes().that().haveSimpleNameStartingWith("FastMsm").or().haveSimpleName("Msm").or()
        .haveSimpleName("SignedDigits").or().haveSimpleName("FixedBaseTable").should()
        .resideInAPackage("org.evote.crypto.group.internal").check(MAIN);
    // The curve parameters and field arithmetic only inside it; the rest of the module handles opaque points.
    noClasses().that().resideOutsideOfPackage("org.evote.crypto.group.internal..").should().dependOnClassesThat()
        .resideInAnyPackage("org.bouncycastle.math.ec.custom..", "org.bouncycastle.math.raw..",
            "org.bouncycastle.asn1.x9..", "org.bouncycastle.crypto.ec..").orShould().dependOnClassesThat()
        .haveFullyQualifiedName("org.bouncycastle.math.ec.ECFieldElement").check(MAIN);
  }

  /** No public or protected member of an exported type names a Bouncy Castle or internal type (also generically). */
  @Test
  void thePublicApiExposesNeitherBouncyCastleNorInternalTypes() {
    List<String> leaks = new ArrayList<>();
    for (JavaClass c : MAIN) {
      if (!EXPORTED.contains(c.getPackageName()) || !c.getModifiers().contains(JavaModifier.PUBLIC)) {
        continue;
      }
      List<JavaMember> members = new ArrayList<>(c.getCodeUnits());
      members.addAll(c.getFields());
      for (JavaMember m : members) {
        if (!m.getModifiers().contains(JavaModifier.PUBLIC) && !m.getModifiers().contains(JavaModifier.PROTECTED)) {
          continue;
        }
        Set<JavaClass> involved = new HashSet<>();
        if (m instanceof JavaCodeUnit u) {
          involved.addAll(u.getReturnType().getAllInvolvedRawTypes());
          u.getParameterTypes().forEach(t -> involved.addAll(t.getAllInvolvedRawTypes()));
        } else if (m instanceof JavaField f) {
          involved.addAll(f.getType().getAllInvolvedRawTypes());
        }
        for (JavaClass t : involved) {
          if (t.getPackageName().startsWith("org.bouncycastle") || t.getPackageName().contains(".internal")) {
            leaks.add(m.getFullName() + " uses " + t.getName());
          }
        }
      }
    }
    assertEquals(List.of(), leaks);
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
