package org.evote.server.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.SignatureType;
import org.evote.server.BallotServer;
import org.evote.server.BoardHost;
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
  void serve_takesWitnessesAsTheElectionNoticeDoes_andEachWitnessOnce() {
    // The notice's parser: no user info, query or fragment in a witness URL.
    Console user = Console.run(BallotServer::run, "serve", "--data", temp.toString(), "--witness",
        "http://user@w.example=" + vkey);
    assertEquals(2, user.code(), user.printed());
    assertTrue(user.printed().contains("--witness"), user.printed());
    String noteKey = Ed25519NoteSigner.generate("w1.example", random).verifierKey().encoded();
    Console notCosigning = Console.run(BallotServer::run, "serve", "--data", temp.toString(), "--witness",
        "http://w.example=" + noteKey);
    assertEquals(2, notCosigning.code(), notCosigning.printed());
    assertTrue(notCosigning.printed().contains("cosignature"), notCosigning.printed());
    // Two keys of one witness (its Ed25519 and ML-DSA-44 keys): one of them, as in the notice.
    String mlDsa = Cosigner.generate("w1.example", SignatureType.COSIGNATURE_ML_DSA_44, random).verifierKey()
        .encoded();
    Console twice = Console.run(BallotServer::run, "serve", "--data", temp.toString(), "--witness",
        "http://w.example=" + vkey, "--witness", "http://w.example=" + mlDsa);
    assertEquals(2, twice.code(), twice.printed());
    assertTrue(twice.printed().contains("once"), twice.printed());
    ElectionNotice.Witness w = ElectionNotice.Witness.parse("http://w.example=" + vkey, "--witness");
    ElectionNotice.Witness other = ElectionNotice.Witness.parse("http://w.example=" + mlDsa, "--witness");
    assertThrows(IllegalArgumentException.class,
        () -> new BoardHost.Witnesses(List.of(w, other), 1, java.time.Duration.ofSeconds(1)));
    assertEquals(1, BoardHost.Witnesses.allOf(List.of(w)));
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
