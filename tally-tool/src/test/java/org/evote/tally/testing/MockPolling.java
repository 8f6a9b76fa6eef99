package org.evote.tally.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evote.crypto.ballot.BallotEncryptor;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.board.BulletinBoard;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.Submissions;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.record.BoardFile;

/**
 * Election day without a server, for the tally tool's tests: a board is opened for an existing election, two
 * kiosks are registered, random ballots are encrypted, signed and posted (some challenged), and the polls are closed
 * with every kiosk's chain. The board is the same data the ballot server exports, signed by a fresh board key.
 */
public final class MockPolling {
  /** The kiosks that vote. */
  public static final List<String> KIOSKS = List.of("kiosk-1", "kiosk-2");

  private final ElectionConfig config;
  private final SecureRandom random;

  public MockPolling(ElectionConfig config, SecureRandom random) {
    this.config = config;
    this.random = random;
  }

  /** A closed board and what was actually voted on it. */
  public static final class Polling {
    private final BulletinBoard board;
    private final Ed25519.PrivateKey boardKey;
    private final Map<String, Map<String, Long>> truth;
    private final long cast;
    private final long challenged;
    private final List<String> trackingCodes;

    Polling(BulletinBoard board, Ed25519.PrivateKey boardKey, Map<String, Map<String, Long>> truth, long cast,
        long challenged, List<String> trackingCodes) {
      this.board = board;
      this.boardKey = boardKey;
      this.truth = truth;
      this.cast = cast;
      this.challenged = challenged;
      this.trackingCodes = trackingCodes;
    }

    public BulletinBoard board() {
      return board;
    }

    /** The board's signing key (the demo signs the head again after posting the tally). */
    public Ed25519.PrivateKey boardKey() {
      return boardKey;
    }

    /** Contest id → selection id → votes actually cast. */
    public Map<String, Map<String, Long>> truth() {
      return truth;
    }

    public long cast() {
      return cast;
    }

    public long challenged() {
      return challenged;
    }

    /** "ballot-id at kiosk: tracking code (cast|challenged)" for every ballot, in order. */
    public List<String> trackingCodes() {
      return trackingCodes;
    }

    /** Writes the board file, as the server's export would be. */
    public void writeBoard(Path file) throws IOException {
      BoardFile.write(file, board.entries(), board.heads());
    }
  }

  /** Opens the polls, votes {@code ballots} random ballots, challenges about {@code challengeRate} of them, closes. */
  public Polling vote(int ballots, double challengeRate) {
    Manifest manifest = config.manifest();
    Digest he = config.extendedHash();
    long time = System.currentTimeMillis() / 1000;
    Ed25519.PrivateKey boardKey = Ed25519.PrivateKey.generate(random);
    BulletinBoard board = new BulletinBoard(he);
    board.append(EntryKind.ELECTION_PUBLISHED, time++, BoardJson.payloadText(
        new EntryPayload.ElectionPublished(he, CanonicalJson.write(ElectionJson.encode(config)),
            boardKey.publicKey())));
    Map<String, Ed25519.PrivateKey> kioskKeys = new LinkedHashMap<>();
    Map<String, Digest> chains = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String k : KIOSKS) {
      kioskKeys.put(k, Ed25519.PrivateKey.generate(random));
      chains.put(k, ConfirmationCodes.chainStart(he, k));
      counts.put(k, 0L);
      post(board, new EntryPayload.KioskRegistered(k, kioskKeys.get(k).publicKey()), time++);
    }
    post(board, new EntryPayload.PollsOpened(), time++);
    board.signHead(boardKey, time++);

    BallotEncryptor encryptor = new BallotEncryptor(config);
    Map<String, Map<String, Long>> truth = emptyCounts(manifest);
    List<String> codes = new ArrayList<>();
    long challenged = 0;
    for (int i = 0; i < ballots; i++) {
      String kiosk = KIOSKS.get(i % KIOSKS.size());
      String style = manifest.ballotStyles().get(random.nextInt(manifest.ballotStyles().size())).id();
      PlaintextBallot plaintext = randomBallot("ballot-" + (i + 1), style);
      BallotSeed seed = BallotSeed.random(random);
      EncryptedBallot b = encryptor.encrypt(plaintext, seed, kiosk, time, chains.get(kiosk));
      chains.put(kiosk, b.confirmationCode());
      counts.merge(kiosk, 1L, Long::sum);
      boolean challenge = random.nextDouble() < challengeRate;
      if (challenge) {
        post(board, Submissions.challenged(he, "req-" + i, b, seed, plaintext, kioskKeys.get(kiosk)), time++);
        challenged++;
      } else {
        post(board, Submissions.cast(he, "req-" + i, b, kioskKeys.get(kiosk)), time++);
        for (Map.Entry<String, java.util.Set<String>> c : plaintext.choices().entrySet()) {
          for (String s : c.getValue()) {
            truth.get(c.getKey()).merge(s, 1L, Long::sum);
          }
        }
      }
      seed.wipe();
      codes.add(b.ballotId() + " at " + kiosk + ": tracking code " + b.trackingCode()
          + (challenge ? " (challenged)" : " (cast)"));
    }
    List<EntryPayload.ChainClose> closes = new ArrayList<>();
    for (String k : KIOSKS) {
      closes.add(new EntryPayload.ChainClose(k, counts.get(k), chains.get(k),
          ConfirmationCodes.chainClose(he, k, chains.get(k), counts.get(k))));
    }
    post(board, new EntryPayload.PollsClosed(closes), time++);
    board.signHead(boardKey, time);
    return new Polling(board, boardKey, truth, ballots - challenged, challenged, codes);
  }

  static void post(BulletinBoard board, EntryPayload p, long time) {
    board.append(p.kind(), time, BoardJson.payloadText(p));
  }

  private PlaintextBallot randomBallot(String id, String style) {
    Map<String, List<String>> choices = new LinkedHashMap<>();
    for (ContestDescription c : config.manifest().contestsFor(style)) {
      List<String> ids = new ArrayList<>(c.selections().stream().map(SelectionDescription::id).toList());
      Collections.shuffle(ids, random);
      choices.put(c.id(), ids.subList(0, random.nextInt(c.votesAllowed() + 1)));
    }
    return new PlaintextBallot(id, style, choices);
  }

  static Map<String, Map<String, Long>> emptyCounts(Manifest manifest) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (ContestDescription c : manifest.contests()) {
      Map<String, Long> sels = new LinkedHashMap<>();
      c.selections().forEach(s -> sels.put(s.id(), 0L));
      out.put(c.id(), sels);
    }
    return out;
  }
}
