package org.evote.tally.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.ballot.RandomBallots;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.testing.BulletinBoard;
import org.evote.crypto.testing.PollingBoard;

/**
 * Election day without a server, for the tally tool's tests: crypto's {@link PollingBoard} (checked against the
 * board's rules) is opened for an existing election, two kiosks are registered, random ballots are encrypted,
 * signed and posted (some challenged), and the polls are closed with every kiosk's chain; the truth is kept. The board is the same data the ballot server exports, signed by a fresh board key.
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
    private final PollingBoard polls;
    private final Ed25519.PrivateKey boardKey;
    private final Map<String, Map<String, Long>> truth;
    private final long cast;
    private final long challenged;
    private final List<String> trackingCodes;

    Polling(PollingBoard polls, BulletinBoard board, Ed25519.PrivateKey boardKey, Map<String, Map<String, Long>> truth, long cast,
        long challenged, List<String> trackingCodes) {
      this.board = board;
      this.polls = polls;
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

    /**
     * Writes the board file, as the server's export would be, and beside it the board's checkpoint of exactly those
     * entries ({@code checkpoint.txt}, as {@code tally fetch} downloads it).
     */
    public void writeBoard(Path file) throws IOException {
      BoardFile.write(file, board.entries(), board.heads());
      org.evote.crypto.record.RecordWriter.writeCheckpoint(file.toAbsolutePath().getParent(),
          polls.checkpoint(List.of()));
    }
  }

  /** Opens the polls, votes {@code ballots} random ballots, challenges about {@code challengeRate} of them, closes. */
  public Polling vote(int ballots, double challengeRate) {
    Manifest manifest = config.manifest();
    PollingBoard polls = PollingBoard.checked(config, System.currentTimeMillis() / 1000, random);
    KIOSKS.forEach(polls::registerKiosk);
    polls.openPolls();
    polls.signHead();

    Map<String, Map<String, Long>> truth = emptyCounts(manifest);
    List<String> codes = new ArrayList<>();
    long challenged = 0;
    for (int i = 0; i < ballots; i++) {
      String kiosk = KIOSKS.get(i % KIOSKS.size());
      PlaintextBallot plaintext = RandomBallots.any(manifest, String.format("%s-%06d", kiosk, i + 1), random);
      BallotSeed seed = BallotSeed.random(random);
      EncryptedBallot b = polls.encrypt(kiosk, plaintext, seed);
      boolean challenge = random.nextDouble() < challengeRate;
      if (challenge) {
        polls.challenge(b, seed, plaintext, polls.kioskKey(kiosk));
        challenged++;
      } else {
        polls.cast(b, polls.kioskKey(kiosk));
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
    polls.closePolls();
    polls.signHead();
    return new Polling(polls, polls.board, polls.boardKey, truth, ballots - challenged, challenged, codes);
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
