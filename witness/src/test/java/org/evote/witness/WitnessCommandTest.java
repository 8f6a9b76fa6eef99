package org.evote.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.note.NoteVerification;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code witness init} and {@code witness serve} as an observer runs them. */
class WitnessCommandTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir
  Path tmp;

  /** A command's exit code and what it printed. */
  record Run(int code, String out, String err) {}

  static synchronized Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = WitnessMain.run(args);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private Path passphrase(String p) throws Exception {
    Path f = tmp.resolve("pass-" + p.hashCode());
    Files.writeString(f, p + "\n");
    return f;
  }

  @Test
  void initPrintsBothVerifierKeysAndTheyVerifyTheServedCosignatures() throws Exception {
    Path data = tmp.resolve("w");
    Run r = run("init", "--data", data.toString(), "--name", "witness.example.org/w1", "--passphrase-file",
        passphrase("correct horse battery").toString());
    assertEquals(0, r.code(), r.err());
    List<VerifierKey> printed = r.out().lines().filter(l -> l.startsWith("witness.example.org/w1+"))
        .map(l -> VerifierKey.parse(l, "vkey")).toList();
    assertEquals(List.of(SignatureType.COSIGNATURE_ED25519, SignatureType.COSIGNATURE_ML_DSA_44),
        printed.stream().map(VerifierKey::type).toList());
    assertEquals(printed, WitnessKeys.readVerifierKeys(new WitnessDir(data).keyFile()));
    // The key file is sealed: neither seed is there in the clear, and it is readable by its owner only.
    String file = Files.readString(new WitnessDir(data).keyFile());
    WitnessKeys keys = WitnessKeys.open(new WitnessDir(data).keyFile(), "correct horse battery".toCharArray(), RANDOM);
    for (var c : keys.cosigners()) {
      assertFalse(file.contains(c.seedHex()));
    }
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(new WitnessDir(data).keyFile())));

    TestLog log = TestLog.create("board.example.org", RANDOM);
    try (WitnessHost host = WitnessHost.start(new WitnessDir(data), "correct horse battery"::toCharArray,
        TrustedLogs.parse(List.of(log.vkey().encoded())), "127.0.0.1", 0, RANDOM, Clock.systemUTC())) {
      WitnessClient.Answer a = new WitnessClient(host.loopbackUri()).addCheckpoint(log.request(0, 3));
      assertEquals(200, a.status());
      SignedNote cosigned = log.signed(3).withSignatures(SignedNote.parseSignatureLines(a.body(), "answer"));
      for (VerifierKey k : printed) {
        assertInstanceOf(NoteVerification.Verified.class, cosigned.verify(List.of(k)));
      }
    }
  }

  @Test
  void initRefusesAnExistingDirectoryAndLeavesItsKeysAlone() throws Exception {
    Path data = tmp.resolve("w");
    Path pass = passphrase("correct horse battery");
    assertEquals(0, run("init", "--data", data.toString(), "--name", "w.example", "--passphrase-file",
        pass.toString()).code());
    String before = Files.readString(new WitnessDir(data).keyFile());
    Run again = run("init", "--data", data.toString(), "--name", "w.example", "--passphrase-file", pass.toString());
    assertEquals(1, again.code());
    assertTrue(again.err().contains("already exists"), again.err());
    assertEquals(before, Files.readString(new WitnessDir(data).keyFile()));
    Files.createDirectories(tmp.resolve("other"));
    Files.writeString(tmp.resolve("other/notes.txt"), "mine");
    assertEquals(1, run("init", "--data", tmp.resolve("other").toString(), "--name", "w.example",
        "--passphrase-file", pass.toString()).code());
    // An empty directory made beforehand is fine.
    Files.createDirectories(tmp.resolve("empty"));
    assertEquals(0, run("init", "--data", tmp.resolve("empty").toString(), "--name", "w.example",
        "--passphrase-file", pass.toString()).code());
  }

  @Test
  void initRefusesANameThatIsNotASchemaLessUrlAndAShortPassphrase() throws Exception {
    Path pass = passphrase("correct horse battery");
    for (String bad : List.of("https://w.example/x", "w example", "w.example+1", "", "w.example/", "-w.example",
        "w.example/" + "x".repeat(250))) {
      Run r = run("init", "--data", tmp.resolve("n").toString(), "--name", bad, "--passphrase-file", pass.toString());
      assertEquals(2, r.code(), bad);
      assertTrue(r.err().startsWith("error: --name: "), r.err());
      assertFalse(Files.exists(tmp.resolve("n")));
    }
    assertThrows(InvalidFieldException.class, () -> new WitnessName("w.example\n"));
    new WitnessName("witness.example.org:8443/evote/w1");
    Run shortPass = run("init", "--data", tmp.resolve("s").toString(), "--name", "w.example", "--passphrase-file",
        passphrase("short").toString());
    assertEquals(1, shortPass.code());
    assertTrue(shortPass.err().contains("at least 8 characters"), shortPass.err());
  }

  @Test
  void aWrongPassphraseIsRefusedClearlyAndLeavesTheDirectoryFree() throws Exception {
    TestWitness w = TestWitness.init(tmp, RANDOM);
    TestLog log = TestLog.create("board.example.org", RANDOM);
    Run r = run("serve", "--data", w.dir.dir().toString(), "--port", "0", "--log", log.vkey().encoded(),
        "--passphrase-file", passphrase("not the passphrase").toString());
    assertEquals(1, r.code());
    assertEquals("error: wrong passphrase, or the key file was altered", r.err().strip());
    assertThrows(EncryptedKeyFile.WrongPassphraseException.class, () -> WitnessHost.start(w.dir,
        "not the passphrase"::toCharArray, TrustedLogs.parse(List.of(log.vkey().encoded())), "127.0.0.1", 0, RANDOM,
        Clock.systemUTC()));
    // The failed starts released the lock: the right passphrase serves.
    w.serve(RANDOM, log).close();
  }

  @Test
  void serveRefusesAWitnessOrMalformedKeyAsALogAndAMissingDirectory() throws Exception {
    TestWitness w = TestWitness.init(tmp, RANDOM);
    Path pass = w.passphraseFile;
    Run cosignerKey = run("serve", "--data", w.dir.dir().toString(), "--log", w.vkeys.get(0).encoded(),
        "--passphrase-file", pass.toString());
    assertEquals(2, cosignerKey.code());
    assertTrue(cosignerKey.err().contains("type 0x01"), cosignerKey.err());
    Run garbage = run("serve", "--data", w.dir.dir().toString(), "--log", "board+00000000+AAAA",
        "--passphrase-file", pass.toString());
    assertEquals(2, garbage.code());
    assertTrue(garbage.err().startsWith("error: --log[0]: "), garbage.err());
    TestLog log = TestLog.create("board.example.org", RANDOM);
    Run missing = run("serve", "--data", tmp.resolve("nowhere").toString(), "--log", log.vkey().encoded(),
        "--passphrase-file", pass.toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("witness init"), missing.err());
    assertEquals(0, run("--help").code());
    assertTrue(run("serve", "--help").out().contains("--log"));
  }

  @Test
  void initMakesATlsCertificate_andServeSpeaksHttpsWithIt_plainHttpOnlyOnLoopback() throws Exception {
    Path data = tmp.resolve("w");
    Path pass = passphrase("correct horse battery");
    Run r = run("init", "--data", data.toString(), "--name", "witness.example.org/w1", "--tls-name", "127.0.0.1",
        "--passphrase-file", pass.toString());
    assertEquals(0, r.code(), r.err());
    WitnessDir dir = new WitnessDir(data);
    String fingerprint = WitnessHost.tlsFingerprint(dir).hex();
    assertTrue(r.out().contains(fingerprint), r.out());
    assertFalse(Files.readString(dir.tlsKeyFile()).contains("PRIVATE KEY"), "the TLS key is sealed at rest");
    assertEquals(2, run("init", "--data", tmp.resolve("bad").toString(), "--name", "w.example", "--tls-name",
        "not a name", "--passphrase-file", pass.toString()).code());
    assertFalse(Files.exists(tmp.resolve("bad")));

    TestLog log = TestLog.create("board.example.org", RANDOM);
    Run plainOnNetwork = run("serve", "--data", data.toString(), "--plain-http", "--host", "0.0.0.0", "--log",
        log.vkey().encoded(), "--passphrase-file", pass.toString());
    assertEquals(2, plainOnNetwork.code());
    assertTrue(plainOnNetwork.err().contains("loopback"), plainOnNetwork.err());

    try (WitnessHost host = WitnessHost.start(dir, "correct horse battery"::toCharArray, WitnessHost.Transport.HTTPS,
        TrustedLogs.parse(List.of(log.vkey().encoded())), "127.0.0.1", 0, RANDOM, Clock.systemUTC())) {
      assertEquals("https", host.loopbackUri().getScheme());
      // A client that trusts only the certificate in tls-cert.pem (and checks that it names 127.0.0.1).
      java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      try (var in = Files.newInputStream(dir.tlsCertificateFile())) {
        trust.setCertificateEntry("witness", java.security.cert.CertificateFactory.getInstance("X.509")
            .generateCertificate(in));
      }
      javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
      tmf.init(trust);
      javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(ssl).build();
      var answer = client.send(java.net.http.HttpRequest.newBuilder(host.loopbackUri().resolve("/" + "0".repeat(64)
          + "/checkpoint")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(404, answer.statusCode(), "served over TLS with the witness's own certificate");
      assertThrows(java.io.IOException.class, () -> java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + host.port() + "/"))
              .timeout(java.time.Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()),
          "no plain-HTTP listener");
    }
  }
}
