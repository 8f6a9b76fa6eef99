package org.evote.crypto.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.json.JsonText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsIdentityTest {
  @TempDir
  Path temp;

  final SecureRandom random = new SecureRandom();
  final char[] passphrase = "board passphrase".toCharArray();

  @Test
  void aSelfSignedCertificate_namesEveryNameAndIsPinnedBySha256OfItsDer() throws Exception {
    TlsIdentity id = TlsIdentity.selfSigned(List.of("board.example.org", "127.0.0.1", "::1"), random,
        Instant.now());
    X509Certificate cert = id.certificateChain().get(0);
    cert.checkValidity();
    cert.verify(cert.getPublicKey());
    assertEquals("EC", cert.getPublicKey().getAlgorithm());
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded())),
        id.fingerprint().hex());
    List<String> names = cert.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
    assertTrue(names.contains("board.example.org"), names.toString());
    assertTrue(names.contains("127.0.0.1"), names.toString());
    assertEquals(3, names.size(), names.toString());
    assertFalse(id.toString().contains(HexFormat.of().formatHex(id.privateKey().getEncoded())));
  }

  @Test
  void sealThenOpen_keepsTheKeyAndCertificate_andTheKeyIsNotInTheClear() throws Exception {
    TlsIdentity id = TlsIdentity.selfSigned(List.of("localhost"), random, Instant.now());
    JsonObject sealed = id.seal(passphrase, random);
    assertEquals(id.fingerprint(), TlsIdentity.sealedFingerprint(sealed), "readable without the passphrase");
    TlsIdentity opened = TlsIdentity.open(sealed, passphrase);
    assertEquals(id.fingerprint(), opened.fingerprint());
    assertEquals(id.privateKey(), opened.privateKey());
    String text = JsonText.pretty(sealed);
    assertFalse(text.contains(Base64.getEncoder().encodeToString(id.privateKey().getEncoded())));
    assertFalse(text.contains(HexFormat.of().formatHex(id.privateKey().getEncoded())));
    assertThrows(EncryptedKeyFile.WrongPassphraseException.class,
        () -> TlsIdentity.open(sealed, "wrong passphrase".toCharArray()));
  }

  @Test
  void aSealedFileWhoseFingerprintIsNotItsCertificates_isRefused() {
    TlsIdentity id = TlsIdentity.selfSigned(List.of("localhost"), random, Instant.now());
    JsonObject sealed = id.seal(passphrase, random);
    JsonObject pub = JsonText.object(sealed.getJsonObject("public"))
        .add("tls_fingerprint", TlsFingerprint.ofDer(new byte[] {7}).hex()).build();
    JsonObject swapped = JsonText.object(sealed).add("public", pub).build();
    InvalidFieldException e = assertThrows(InvalidFieldException.class,
        () -> TlsIdentity.sealedFingerprint(swapped));
    assertEquals("public.tls_fingerprint", e.field());
  }

  @Test
  void pemFiles_areRead_andAKeyOfAnotherCertificateIsRefused() throws Exception {
    TlsIdentity a = TlsIdentity.selfSigned(List.of("a.example"), random, Instant.now());
    TlsIdentity b = TlsIdentity.selfSigned(List.of("b.example"), random, Instant.now());
    Path cert = Files.writeString(temp.resolve("cert.pem"), a.certificatePem());
    Path key = Files.writeString(temp.resolve("key.pem"), pkcs8Pem(a));
    TlsIdentity read = TlsIdentity.readPem(cert, key);
    assertEquals(a.fingerprint(), read.fingerprint());
    Path otherKey = Files.writeString(temp.resolve("other.pem"), pkcs8Pem(b));
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> TlsIdentity.readPem(cert, otherKey));
    assertTrue(e.getMessage().contains("not the private key of the certificate"), e.getMessage());
    Path garbage = Files.writeString(temp.resolve("garbage.pem"), "not a pem");
    assertThrows(InvalidFieldException.class, () -> TlsIdentity.readPem(garbage, key));
    assertThrows(InvalidFieldException.class, () -> TlsIdentity.readPem(cert, cert));
  }

  @Test
  void namesThatAreNeitherDnsNamesNorAddresses_areRefused() {
    for (String bad : List.of("", "has space", "-lead.example", "a..b", "300.1.1.1")) {
      InvalidFieldException e = assertThrows(InvalidFieldException.class,
          () -> TlsIdentity.selfSigned(List.of(bad), random, Instant.now()), bad);
      assertEquals("tls_name", e.field());
    }
    assertThrows(InvalidFieldException.class, () -> TlsIdentity.selfSigned(List.of(), random, Instant.now()));
  }

  @Test
  void fingerprints_areCheckedAndCompared() {
    TlsFingerprint f = TlsFingerprint.ofDer(new byte[] {1, 2});
    assertTrue(f.matchesDer(new byte[] {1, 2}));
    assertFalse(f.matchesDer(new byte[] {1, 3}));
    assertEquals(f, TlsFingerprint.parse(f.hex().toUpperCase(), "--tls-fingerprint"));
    assertNotEquals(f, TlsFingerprint.ofDer(new byte[] {1, 3}));
    assertEquals("--tls-fingerprint", assertThrows(InvalidFieldException.class,
        () -> TlsFingerprint.parse("abc", "--tls-fingerprint")).field());
    assertThrows(InvalidFieldException.class, () -> new TlsFingerprint("AB".repeat(32)));
  }

  private static String pkcs8Pem(TlsIdentity id) {
    return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
        .encodeToString(id.privateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
  }
}
