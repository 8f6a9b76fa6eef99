package org.evote.crypto.note;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.hash.Digest;
import org.junit.jupiter.api.Test;

/** C2SP signed-note and tlog-checkpoint, against the specifications' own examples and hostile input. */
class SignedNoteTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The verifier key and note of c2sp.org/signed-note, "Verifier keys / Example". */
  static final String SPEC_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
  static final String SPEC_NOTE = "This is an example message.\n\n"
      + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

  @Test
  void theSpecificationsExampleVerifies() {
    VerifierKey key = VerifierKey.parse(SPEC_VKEY, "vkey");
    assertEquals("example.com/foo", key.name());
    assertEquals(SignatureType.ED25519, key.type());
    assertEquals(0x530d903a, key.keyId());
    assertEquals(SPEC_VKEY, key.encoded());
    SignedNote note = SignedNote.parse(SPEC_NOTE.getBytes(StandardCharsets.UTF_8));
    assertEquals("This is an example message.\n", note.text());
    assertEquals(SPEC_NOTE, note.format());
    NoteVerification v = note.verify(List.of(key));
    assertEquals(new NoteVerification.Verified(List.of(key)), v);
  }

  @Test
  void aChangedTextOrSignatureIsRejectedAndUnknownKeysAreIgnored() {
    VerifierKey key = VerifierKey.parse(SPEC_VKEY, "vkey");
    SignedNote changed = SignedNote.parse(SPEC_NOTE.replace("an example", "a forged"));
    assertInstanceOf(NoteVerification.BadSignature.class, changed.verify(List.of(key)));
    VerifierKey other = Ed25519NoteSigner.generate("example.com/foo", RANDOM).verifierKey();
    assertInstanceOf(NoteVerification.NoKnownSignature.class, SignedNote.parse(SPEC_NOTE).verify(List.of(other)));
    // A second, unknown line does not spoil the known one.
    Ed25519NoteSigner stranger = Ed25519NoteSigner.generate("stranger.example", RANDOM);
    SignedNote both = SignedNote.parse(SPEC_NOTE).withSignatures(List.of(stranger.sign("This is an example message.\n")));
    assertTrue(both.verify(List.of(key)).verified());
  }

  @Test
  void signsAndVerifiesItsOwnNotes() {
    Ed25519NoteSigner signer = Ed25519NoteSigner.generate("board.example/e1", RANDOM);
    SignedNote note = signer.signNote("hello\n\nworld\n");
    SignedNote back = SignedNote.parse(note.format());
    assertEquals("hello\n\nworld\n", back.text());
    assertTrue(back.verify(List.of(signer.verifierKey())).verified());
    Ed25519NoteSigner restored = Ed25519NoteSigner.fromSeedHex("board.example/e1", signer.seedHex(), "seed");
    assertEquals(signer.verifierKey(), restored.verifierKey());
    assertFalse(signer.toString().contains(signer.seedHex()));
  }

  @Test
  void hostileNotesAreRefusedNamingThePart() {
    assertField("note", () -> SignedNote.parse("no blank line\n\u2014 a AAAAAAA=\n"));
    assertField("note", () -> SignedNote.parse(SPEC_NOTE.replace("This", "Th\u0007is")));
    assertField("note.signatures", () -> SignedNote.parse("text\n\n"));
    assertField("note.signatures[0]", () -> SignedNote.parse("text\n\n- a AAAAAAA=\n"));
    assertField("note.signatures[0]", () -> SignedNote.parse("text\n\n\u2014 a+b AAAAAAA=\n"));
    assertField("note.signatures[0]", () -> SignedNote.parse("text\n\n\u2014 a AAAA\n"));
    assertField("note.signatures[0]", () -> SignedNote.parse("text\n\n\u2014 a not*base64\n"));
    assertField("note.signatures", () -> SignedNote.parse("text\n\n\u2014 a AAAAAAA="));
    assertField("note", () -> SignedNote.parse(new byte[] {'a', '\n', '\n', (byte) 0xff, '\n'}));
    StringBuilder many = new StringBuilder("text\n\n");
    for (int i = 0; i <= SignedNote.MAX_SIGNATURES; i++) {
      many.append("\u2014 k").append(i).append(" AAAAAAA=\n");
    }
    assertField("note.signatures", () -> SignedNote.parse(many.toString()));
    assertField("note", () -> SignedNote.parse(new byte[SignedNote.MAX_BYTES + 1]));
  }

  @Test
  void hostileVerifierKeysAreRefused() {
    assertField("vkey", () -> VerifierKey.parse("example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", "vkey"));
    assertField("vkey", () -> VerifierKey.parse("example.com/foo+530d903a", "vkey"));
    assertField("vkey", () -> VerifierKey.parse("example.com/foo+530d903a+Aeky", "vkey"));
    assertField("vkey", () -> VerifierKey.parse("example.com/foo+530d903a+B+kyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", "vkey"));
    byte[] notAPoint = new byte[33];
    notAPoint[0] = 1;
    java.util.Arrays.fill(notAPoint, 1, 33, (byte) 0xff);
    assertField("vkey", () -> VerifierKey.parse("a+00000000+" + Base64.getEncoder().encodeToString(notAPoint), "vkey"));
  }

  @Test
  void checkpointsParseExactlyAsSpecified() {
    String text = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    Checkpoint cp = Checkpoint.parse(text);
    assertEquals("example.com/behind-the-sofa", cp.origin());
    assertEquals(20852163, cp.size());
    assertEquals(text, cp.text());
    assertEquals(List.of("ext"), Checkpoint.parse(text + "ext\n").extensions());
    assertField("checkpoint.size", () -> Checkpoint.parse("o\n012\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"));
    assertField("checkpoint.size", () -> Checkpoint.parse("o\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"));
    assertField("checkpoint.size", () -> Checkpoint.parse("o\n99999999999999999999\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"));
    assertField("checkpoint.root_hash", () -> Checkpoint.parse("o\n1\nCsUY\n"));
    assertField("checkpoint.root_hash", () -> Checkpoint.parse("o\n0\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"));
    assertField("checkpoint", () -> Checkpoint.parse("o\n1\n"));
    assertField("checkpoint.extensions[0]", () -> Checkpoint.parse(text + "\n"));
    assertEquals(0, Checkpoint.parse("o\n0\n" + Base64.getEncoder().encodeToString(Checkpoint.EMPTY_ROOT.toBytes())
        + "\n").size());
  }

  @Test
  void theEmptyTreeWithAnotherRootIsRecognisedForTheWitnesss422() {
    String other = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
    String empty = Base64.getEncoder().encodeToString(Checkpoint.EMPTY_ROOT.toBytes());
    assertTrue(Checkpoint.isEmptyTreeWithOtherRoot("o\n0\n" + other + "\n"));
    assertTrue(Checkpoint.isEmptyTreeWithOtherRoot("o\n0\n" + other + "\next\n"));
    assertFalse(Checkpoint.isEmptyTreeWithOtherRoot("o\n0\n" + empty + "\n"));
    assertFalse(Checkpoint.isEmptyTreeWithOtherRoot("o\n1\n" + other + "\n"));
    assertFalse(Checkpoint.isEmptyTreeWithOtherRoot("o\n0\nCsUY\n"));
    assertFalse(Checkpoint.isEmptyTreeWithOtherRoot("o\n0\n" + other));
    assertFalse(Checkpoint.isEmptyTreeWithOtherRoot("\n0\n" + other + "\n"));
    assertFalse(Checkpoint.isEmptyTreeWithOtherRoot("o\n0\n" + other + "\n\n"));
  }

  @Test
  void cosignaturesOfBothTypesVerifyAndBindTheirTime() {
    Checkpoint cp = new Checkpoint("board.example/e1", 7, Digest.of(new byte[32]));
    for (SignatureType type : List.of(SignatureType.COSIGNATURE_ED25519, SignatureType.COSIGNATURE_ML_DSA_44)) {
      Cosigner w = Cosigner.generate("witness.example/" + type.id(), type, RANDOM);
      NoteSignature line = w.cosign(cp, 1_700_000_000L);
      assertEquals(1_700_000_000L, line.cosignatureTimestamp());
      SignedNote note = new SignedNote(cp.text(), List.of(line));
      assertTrue(note.verify(List.of(w.verifierKey())).verified(), type.toString());
      // The vkey round-trips, and a restored key cosigns verifiably.
      VerifierKey parsed = VerifierKey.parse(w.verifierKey().encoded(), "vkey");
      assertEquals(w.verifierKey(), parsed);
      Cosigner restored = Cosigner.fromSeedHex(w.name(), type, w.seedHex(), "seed", RANDOM);
      assertEquals(w.verifierKey(), restored.verifierKey());
      // A changed timestamp or tree breaks it.
      byte[] sig = line.signature();
      sig[7] ^= 1;
      SignedNote shifted = new SignedNote(cp.text(), List.of(new NoteSignature(line.keyName(), line.keyId(), sig)));
      assertInstanceOf(NoteVerification.BadSignature.class, shifted.verify(List.of(parsed)), type.toString());
      Checkpoint other = new Checkpoint(cp.origin(), 8, cp.rootHash());
      assertInstanceOf(NoteVerification.BadSignature.class,
          new SignedNote(other.text(), List.of(line)).verify(List.of(parsed)), type.toString());
    }
  }

  @Test
  void anMlDsaLineOverAMessageThatCannotBeFormedFailsInsteadOfThrowing() {
    Cosigner w = Cosigner.generate("witness.example/ml", SignatureType.COSIGNATURE_ML_DSA_44, RANDOM);
    Checkpoint longOrigin = new Checkpoint("o".repeat(300), 7, Digest.of(new byte[32]));
    byte[] garbage = new byte[8 + CosignedMessages.ML_DSA_44_SIGNATURE_BYTES];
    RANDOM.nextBytes(garbage);
    garbage[0] = 0; // a positive timestamp
    garbage[7] |= 1;
    assertFalse(w.verifierKey().verifies(longOrigin.text(), garbage));
    SignedNote note = new SignedNote(longOrigin.text(),
        List.of(new NoteSignature(w.name(), w.verifierKey().keyId(), garbage)));
    assertInstanceOf(NoteVerification.BadSignature.class, note.verify(List.of(w.verifierKey())));
    // A key whose name is over 255 bytes can form no message either.
    VerifierKey longName = new VerifierKey("n".repeat(300), SignatureType.COSIGNATURE_ML_DSA_44,
        w.verifierKey().publicKey());
    Checkpoint cp = new Checkpoint("board.example/e1", 7, Digest.of(new byte[32]));
    assertFalse(longName.verifies(cp.text(), w.cosign(cp, 10).signature()));
    // Garbage over a well-formed checkpoint is false too, never an exception.
    assertFalse(w.verifierKey().verifies(cp.text(), garbage));
  }

  @Test
  void aCosignatureWithTimestampZeroIsRefusedForBothTypes() throws Exception {
    Checkpoint cp = new Checkpoint("board.example/e1", 7, Digest.of(new byte[32]));
    Cosigner ed = Cosigner.generate("witness.example/ed", SignatureType.COSIGNATURE_ED25519, RANDOM);
    org.bouncycastle.crypto.signers.Ed25519Signer s = new org.bouncycastle.crypto.signers.Ed25519Signer();
    s.init(true, new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(
        java.util.HexFormat.of().parseHex(ed.seedHex()), 0));
    for (long time : new long[] {0, -1, Long.MIN_VALUE}) {
      byte[] m = CosignedMessages.ed25519(time, cp.text());
      s.update(m, 0, m.length);
      byte[] line = java.nio.ByteBuffer.allocate(72).putLong(time).put(s.generateSignature()).array();
      assertFalse(ed.verifierKey().verifies(cp.text(), line), "Ed25519 cosignature at time " + time);
    }
    Cosigner ml = Cosigner.generate("witness.example/ml", SignatureType.COSIGNATURE_ML_DSA_44, RANDOM);
    org.bouncycastle.crypto.signers.MLDSASigner m = new org.bouncycastle.crypto.signers.MLDSASigner();
    m.init(true, new org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters(
        org.bouncycastle.crypto.params.MLDSAParameters.ml_dsa_44, java.util.HexFormat.of().parseHex(ml.seedHex())));
    byte[] msg = CosignedMessages.mlDsa44(ml.name(), 0, cp);
    m.update(msg, 0, msg.length);
    byte[] line = java.nio.ByteBuffer.allocate(8 + CosignedMessages.ML_DSA_44_SIGNATURE_BYTES).putLong(0)
        .put(m.generateSignature()).array();
    assertFalse(ml.verifierKey().verifies(cp.text(), line), "ML-DSA-44 cosignature at time 0");
    // The same keys' cosignatures at time 1 verify: the refusal is of the time alone.
    assertTrue(ed.verifierKey().verifies(cp.text(), ed.cosign(cp, 1).signature()));
    assertTrue(ml.verifierKey().verifies(cp.text(), ml.cosign(cp, 1).signature()));
  }

  @Test
  void aWitnessPolicyCountsValidCosignaturesOfListedWitnesses() {
    Ed25519NoteSigner log = Ed25519NoteSigner.generate("board.example/e1", RANDOM);
    Checkpoint cp = new Checkpoint(log.name(), 3, Digest.of(new byte[32]));
    Cosigner w1 = Cosigner.generate("w1.example", SignatureType.COSIGNATURE_ED25519, RANDOM);
    Cosigner w2 = Cosigner.generate("w2.example", SignatureType.COSIGNATURE_ML_DSA_44, RANDOM);
    Cosigner w3 = Cosigner.generate("w3.example", SignatureType.COSIGNATURE_ED25519, RANDOM);
    List<VerifierKey> ws = List.of(w1.verifierKey(), w2.verifierKey(), w3.verifierKey());
    WitnessPolicy policy = new WitnessPolicy(log.verifierKey(), ws, 2);
    SignedNote signed = log.signNote(cp.text());
    assertInstanceOf(WitnessPolicy.Result.BelowQuorum.class, policy.check(signed));
    SignedNote cosigned = signed.withSignatures(List.of(w1.cosign(cp, 10), w2.cosign(cp, 11)));
    WitnessPolicy.Result r = policy.check(cosigned);
    assertEquals(new WitnessPolicy.Result.Satisfied(cp, List.of(w1.verifierKey(), w2.verifierKey())), r);
    // A cosignature over another tree does not count; a note not signed by the log is refused.
    Checkpoint other = new Checkpoint(log.name(), 4, Digest.of(new byte[32]));
    assertInstanceOf(WitnessPolicy.Result.BelowQuorum.class,
        policy.check(signed.withSignatures(List.of(w1.cosign(cp, 10), w3.cosign(other, 12)))));
    SignedNote unsigned = new SignedNote(cp.text(), List.of(w1.cosign(cp, 10), w2.cosign(cp, 11)));
    assertInstanceOf(WitnessPolicy.Result.NotSignedByLog.class, policy.check(unsigned));
    SignedNote wrongOrigin = Ed25519NoteSigner.fromSeedHex("board.example/e2", log.seedHex(), "seed")
        .signNote(new Checkpoint("board.example/e2", 3, cp.rootHash()).text());
    assertInstanceOf(WitnessPolicy.Result.NotSignedByLog.class, policy.check(wrongOrigin));
  }

  @Test
  void aWitnessWithTwoKeysCountsOnceTowardsTheQuorum() {
    Ed25519NoteSigner log = Ed25519NoteSigner.generate("board.example/e1", RANDOM);
    Checkpoint cp = new Checkpoint(log.name(), 3, Digest.of(new byte[32]));
    Cosigner aEd = Cosigner.generate("a.example/w", SignatureType.COSIGNATURE_ED25519, RANDOM);
    Cosigner aMl = Cosigner.generate("a.example/w", SignatureType.COSIGNATURE_ML_DSA_44, RANDOM);
    Cosigner bEd = Cosigner.generate("b.example/w", SignatureType.COSIGNATURE_ED25519, RANDOM);
    Cosigner bMl = Cosigner.generate("b.example/w", SignatureType.COSIGNATURE_ML_DSA_44, RANDOM);
    List<VerifierKey> ws = List.of(aEd.verifierKey(), aMl.verifierKey(), bEd.verifierKey(), bMl.verifierKey());
    assertThrows(InvalidFieldException.class, () -> new WitnessPolicy(log.verifierKey(), ws, 3));
    WitnessPolicy policy = new WitnessPolicy(log.verifierKey(), ws, 2);
    SignedNote signed = log.signNote(cp.text());
    // Both keys of one witness are one witness.
    assertInstanceOf(WitnessPolicy.Result.BelowQuorum.class,
        policy.check(signed.withSignatures(List.of(aEd.cosign(cp, 10), aMl.cosign(cp, 10)))));
    assertEquals(new WitnessPolicy.Result.Satisfied(cp, List.of(aEd.verifierKey(), bMl.verifierKey())),
        policy.check(signed.withSignatures(List.of(aEd.cosign(cp, 10), bMl.cosign(cp, 11)))));
    // A failing line of either key of a witness makes that witness not count.
    Checkpoint other = new Checkpoint(log.name(), 4, Digest.of(new byte[32]));
    assertInstanceOf(WitnessPolicy.Result.BelowQuorum.class, policy.check(signed.withSignatures(
        List.of(aEd.cosign(cp, 10), bEd.cosign(cp, 11), bMl.cosign(other, 11)))));
  }

  @Test
  void addCheckpointRequestsParseTheSpecificationsExample() {
    String body = "old 20852014\n"
        + "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n"
        + "jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=\n"
        + "5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=\n"
        + "/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=\n"
        + "\n"
        + "example.com/behind-the-sofa\n"
        + "20852163\n"
        + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
        + "\n"
        + "\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
        + "\u2014 example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=\n";
    AddCheckpointRequest r = AddCheckpointRequest.parse(body.getBytes(StandardCharsets.UTF_8));
    assertEquals(20852014, r.oldSize());
    assertEquals(4, r.consistencyProof().size());
    assertEquals(2, r.checkpoint().signatures().size());
    assertEquals(20852163, Checkpoint.parse(r.checkpoint().text()).size());
    assertEquals(body, new String(r.body(), StandardCharsets.UTF_8));
    assertField("old", () -> AddCheckpointRequest.parse("old 01\n\nx\n\n\u2014 a AAAAAAA=\n".getBytes()));
    assertField("old", () -> AddCheckpointRequest.parse("new 1\n\nx\n\n\u2014 a AAAAAAA=\n".getBytes()));
    assertField("proof[0]", () -> AddCheckpointRequest.parse("old 1\nAAAA\n\nx\n\n\u2014 a AAAAAAA=\n".getBytes()));
    assertField("proof", () -> AddCheckpointRequest.parse("old 1\n".getBytes()));
    StringBuilder tooLong = new StringBuilder("old 1\n");
    for (int i = 0; i < 64; i++) {
      tooLong.append("PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n");
    }
    tooLong.append("\nx\n\n\u2014 a AAAAAAA=\n");
    assertField("proof", () -> AddCheckpointRequest.parse(tooLong.toString().getBytes()));
    // The signed checkpoint leaves room for a witness's two cosignature lines, in bytes and in lines.
    String big = "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    String sigLine = "\u2014 a AAAAAAA=\n";
    String pad = "x".repeat(AddCheckpointRequest.MAX_CHECKPOINT_BYTES - big.length() - 2 - sigLine.length() - 2);
    String fits = big + pad + "\n\n" + sigLine;
    assertEquals(AddCheckpointRequest.MAX_CHECKPOINT_BYTES, fits.getBytes(StandardCharsets.UTF_8).length);
    AddCheckpointRequest.parse(("old 0\n\n" + fits).getBytes(StandardCharsets.UTF_8));
    assertField("checkpoint", () -> AddCheckpointRequest.parse(("old 0\n\n" + big + pad + "x\n\n" + sigLine)
        .getBytes(StandardCharsets.UTF_8)));
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i <= AddCheckpointRequest.MAX_CHECKPOINT_SIGNATURES; i++) {
      lines.append("\u2014 k").append(i).append(" AAAAAAA=\n");
    }
    assertField("checkpoint", () -> AddCheckpointRequest.parse(("old 0\n\n" + big + "\n" + lines)
        .getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertField(String field, org.junit.jupiter.api.function.Executable e) {
    InvalidFieldException ex = assertThrows(InvalidFieldException.class, e);
    assertEquals(field, ex.field(), ex.getMessage());
  }

}
