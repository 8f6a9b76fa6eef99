package org.evote.server.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.SignatureType;
import org.evote.server.BallotServer;
import org.evote.server.testing.Console;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --witness URL=VKEY} and {@code --witness-quorum K}. */
class WitnessTest {
  private final SecureRandom random = new SecureRandom();
  private final String vkey = Cosigner.generate("w1.example", SignatureType.COSIGNATURE_ED25519, random)
      .verifierKey().encoded();

  @TempDir
  Path temp;

  @Test
  void parse_takesAUrlAndACosignatureKey() {
    Witness w = Witness.parse("http://127.0.0.1:7380/=" + vkey);
    assertEquals(URI.create("http://127.0.0.1:7380"), w.url());
    assertEquals(vkey, w.key().encoded());
    assertEquals("w1.example", w.name());
  }

  @Test
  void parse_refusesWhatIsNotAWitness() {
    assertThrows(InvalidFieldException.class, () -> Witness.parse(vkey));
    assertThrows(InvalidFieldException.class, () -> Witness.parse("ftp://w.example=" + vkey));
    assertThrows(InvalidFieldException.class, () -> Witness.parse("http://w.example=not-a-key"));
    String noteKey = Ed25519NoteSigner.generate("w1.example", random).verifierKey().encoded();
    InvalidFieldException e = assertThrows(InvalidFieldException.class,
        () -> Witness.parse("http://w.example=" + noteKey));
    assertTrue(e.getMessage().contains("cosignature"), e.getMessage());
  }

  @Test
  void serve_refusesABadWitnessOrQuorumBeforeOpeningAnything() {
    Console bad = Console.run(BallotServer::run, "serve", "--data", temp.toString(), "--witness", "nonsense");
    assertEquals(2, bad.code(), bad.printed());
    assertTrue(bad.printed().contains("--witness"), bad.printed());
    Console quorum = Console.run(BallotServer::run, "serve", "--data", temp.toString(), "--witness",
        "http://w.example=" + vkey, "--witness-quorum", "2");
    assertEquals(2, quorum.code(), quorum.printed());
    assertTrue(quorum.printed().contains("--witness-quorum"), quorum.printed());
  }
}
