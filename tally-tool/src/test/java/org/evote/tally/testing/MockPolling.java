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
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.board.Admission;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.BulletinBoard;
import org.evote.crypto.board.EntryFacts;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
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
    BoardState state = new BoardState(he, ElectionJson.canonical(config));
    post(board, state, new EntryPayload.ElectionPublished(he, ElectionJson.canonical(config), boardKey.publicKey()),
        time++);
    Map<String, Ed25519.PrivateKey> kioskKeys = new LinkedHashMap<>();
    for (String k : KIOSKS) {
      kioskKeys.put(k, Ed25519.PrivateKey.generate(random));
      post(board, state, new EntryPayload.KioskRegistered(k, kioskKeys.get(k).publicKey()), time++);
    }
    post(board, state, new EntryPayload.PollsOpened(), time++);
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
      EncryptedBallot b = encryptor.encrypt(plaintext, seed, kiosk, time, state.chain(kiosk).head());
      boolean challenge = random.nextDouble() < challengeRate;
      if (challenge) {
        post(board, state, Submissions.challenged(he, "req-" + i, b, seed, plaintext, kioskKeys.get(kiosk)), time++);
        challenged++;
      } else {
        post(board, state, Submissions.cast(he, "req-" + i, b, kioskKeys.get(kiosk)), time++);
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
    post(board, state, new EntryPayload.PollsClosed(state.closing()), time++);
    board.signHead(boardKey, time);
    return new Polling(board, boardKey, truth, ballots - challenged, challenged, codes);
  }

  /** Appends an entry the board's rules admit (this fixture only makes valid boards). */
  static void post(BulletinBoard board, BoardState state, EntryPayload p, long time) {
    EntryFacts facts = BoardJson.facts(p);
    if (state.admit(facts, board.entries().size(), time) instanceof Admission.Refused r) {
      throw new IllegalStateException("the mock board refuses its own entry: " + r.first());
    }
    board.append(p.kind(), time, BoardJson.payloadText(p));
    state.apply(facts, time);
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
