package org.evote.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.evote.crypto.ballot.BallotEncryptor;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.ballot.RandomBallots;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.json.SignedSubmission;
import org.evote.crypto.json.Submissions;
import org.evote.crypto.manifest.Manifest;

/**
 * Bytes per selection of cast ballots (issue #14, "record size"): for BALLOTS random ballots of MANIFEST, the
 * kiosk's request body (the wire form, docs/api.md) and the ballot's board entry as board.json holds it (the
 * record, protocol §10.2), each divided by the ballot's number of selections, and the same for the ballot object
 * alone. Deterministic in size (every point and scalar has a fixed-width encoding), not in content.
 * Usage: RecordSize MANIFEST [BALLOTS].
 */
public final class RecordSize {
  private RecordSize() {}

  public static void main(String[] args) throws Exception {
    Manifest manifest = ManifestJson.decode(JsonText.readObject(Path.of(args[0])));
    int ballots = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    SecureRandom random = new SecureRandom();
    KeyCeremony.Outcome ceremony = KeyCeremony.run(ElectionHashes.baseHash(manifest, 3, 2), 3, 2, random);
    ElectionConfig config = new ElectionConfig(manifest, 3, 2, ceremony.records());
    Digest he = config.extendedHash();
    BallotEncryptor encryptor = new BallotEncryptor(config);
    Ed25519.PrivateKey kioskKey = Ed25519.PrivateKey.generate(random);
    Digest chain = ConfirmationCodes.chainStart(he, "kiosk-1");
    BoardEntry previous = null;
    long selections = 0;
    long wire = 0;
    long record = 0;
    long ballotOnly = 0;
    for (int i = 0; i < ballots; i++) {
      PlaintextBallot plain = RandomBallots.any(manifest, "ballot-" + i, random);
      EncryptedBallot b = encryptor.encrypt(plain, BallotSeed.random(random), "kiosk-1", 1_800_000_000L + i, chain);
      chain = b.confirmationCode();
      EntryPayload.BallotCast cast = Submissions.cast(he, "request-" + i, b, kioskKey);
      String payload = BoardJson.payloadText(cast);
      BoardEntry entry = BoardEntry.append(he, previous, cast.kind(), 1_800_000_000L + i, payload);
      previous = entry;
      selections += b.contests().stream().mapToInt(c -> c.selections().size()).sum();
      wire += SignedSubmission.of(he, cast).bodyBytes().length;
      record += utf8(BoardJson.encode(entry).toString());
      ballotOnly += utf8(CanonicalJson.write(org.evote.crypto.json.BallotJson.encode(b)));
    }
    System.out.printf("%s: %d ballots, %.1f selections per ballot%n", Path.of(args[0]).getFileName(), ballots,
        (double) selections / ballots);
    System.out.printf("wire (request body)   %8.1f bytes per selection, %9.1f per ballot%n",
        (double) wire / selections, (double) wire / ballots);
    System.out.printf("record (board entry)  %8.1f bytes per selection, %9.1f per ballot%n",
        (double) record / selections, (double) record / ballots);
    System.out.printf("ballot object alone   %8.1f bytes per selection, %9.1f per ballot%n",
        (double) ballotOnly / selections, (double) ballotOnly / ballots);
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
