package org.evote.crypto.testing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.evote.crypto.ballot.BallotEncryptor;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.board.Admission;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.BoardOrigin;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryFacts;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.Submissions;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.crypto.notice.NoticeBuilder;

/**
 * Election day for an existing election without a server: an in-memory {@link BulletinBoard} with a fresh board
 * key, the election published on it, kiosks registered with fresh keys, ballots encrypted on each kiosk's chain and
 * posted signed, the polls opened and closed — every entry applied to a {@link BoardState}, so chains and the
 * closing entry follow the board's rules. The clock starts at the given second and moves one second per entry or
 * head. A {@link #checked} board refuses (throws on) any entry the rules refuse; an unchecked one posts anything,
 * for tests that build bad boards. Not thread-safe.
 */
public final class PollingBoard {
  /** The board name of the fixture's checkpoint origin. */
  public static final String BOARD_NAME = "board.test";
  public final ElectionConfig config;
  public final Ed25519.PrivateKey boardKey;
  /** The board's checkpoint key (§9.8), named {@link #BOARD_NAME}{@code /<hex H_E>}; derived from the board key. */
  public final Ed25519NoteSigner checkpointKey;
  public final BulletinBoard board;
  /** The board's rules' view of {@link #board}. */
  public final BoardState state;
  private final boolean checked;
  private final SecureRandom random;
  private final Map<String, Ed25519.PrivateKey> kioskKeys = new LinkedHashMap<>();
  private long time;
  private int requests;

  private PollingBoard(ElectionConfig config, long startSecond, boolean checked, SecureRandom random) {
    this.config = config;
    this.checked = checked;
    this.random = random;
    this.time = startSecond;
    this.boardKey = Ed25519.PrivateKey.generate(random);
    // Derived, not drawn, so the random stream the fixtures' other values come from is unchanged.
    this.checkpointKey = Ed25519NoteSigner.fromSeedHex(new BoardOrigin(BOARD_NAME, config.extendedHash()).origin(),
        derivedSeed(boardKey.seedHex()), "seed");
    this.board = new BulletinBoard(config.extendedHash());
    this.state = new BoardState(config.extendedHash(), ElectionJson.canonical(config));
    post(new EntryPayload.ElectionPublished(config.extendedHash(), ElectionJson.canonical(config),
        boardKey.publicKey(), checkpointKey.verifierKey()));
  }

  private static String derivedSeed(String seedHex) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(("checkpoint key of " + seedHex).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A board that posts whatever it is given (bad boards too), its clock starting at {@code startSecond}. */
  public static PollingBoard unchecked(ElectionConfig config, long startSecond, SecureRandom random) {
    return new PollingBoard(config, startSecond, false, random);
  }

  /** A board that throws on any entry the board's rules refuse, its clock starting at {@code startSecond}. */
  public static PollingBoard checked(ElectionConfig config, long startSecond, SecureRandom random) {
    return new PollingBoard(config, startSecond, true, random);
  }

  /** The board's clock: the time the next entry gets, and ballots are encrypted at. */
  public long time() {
    return time;
  }

  /** Appends an entry (if {@link #checked}, only one the rules admit) and applies it to {@link #state}. */
  public BoardEntry post(EntryPayload payload) {
    long at = time++;
    if (!checked) { // the facts as the verifier reads them back, whatever was posted
      BoardEntry e = board.append(payload.kind(), at, BoardJson.payloadText(payload));
      state.apply(BoardJson.decodeFacts(e), at);
      return e;
    }
    EntryFacts facts = BoardJson.facts(payload);
    if (state.admit(facts, board.entries().size(), at) instanceof Admission.Refused r) {
      throw new IllegalStateException("the test board refuses its own entry: " + r.first());
    }
    BoardEntry e = board.append(payload.kind(), at, BoardJson.payloadText(payload));
    state.apply(facts, at);
    return e;
  }

  /** Registers kiosk {@code id} with a fresh signing key. */
  public void registerKiosk(String id) {
    Ed25519.PrivateKey k = Ed25519.PrivateKey.generate(random);
    kioskKeys.put(id, k);
    post(new EntryPayload.KioskRegistered(id, k.publicKey()));
  }

  public Ed25519.PrivateKey kioskKey(String id) {
    return kioskKeys.get(id);
  }

  public void openPolls() {
    post(new EntryPayload.PollsOpened());
  }

  /** Closes the polls with every kiosk's chain as the rules have followed it. */
  public void closePolls() {
    post(new EntryPayload.PollsClosed(state.closing()));
  }

  public void signHead() {
    board.signHead(boardKey, time++);
  }

  /** The checkpoint (§9.8) of the whole board, signed by {@link #checkpointKey}, cosigned by {@code witnesses}. */
  public SignedNote checkpoint(List<Cosigner> witnesses) {
    return checkpoint(board.entries().size(), witnesses);
  }

  /** The checkpoint of the board's first {@code size} entries, signed and cosigned by {@code witnesses}. */
  public SignedNote checkpoint(long size, List<Cosigner> witnesses) {
    Checkpoint cp = new BoardOrigin(BOARD_NAME, config.extendedHash()).checkpoint(size,
        board.tree().root(size));
    SignedNote note = checkpointKey.signNote(cp.text());
    List<NoteSignature> cosignatures = new ArrayList<>();
    for (Cosigner w : witnesses) {
      cosignatures.add(w.cosign(cp, time));
    }
    return note.withSignatures(cosignatures);
  }

  /** The election notice (§10.3) of this board as it is now, with these witnesses and quorum. */
  public ElectionNotice notice(List<Cosigner> witnesses, int quorum) {
    NoticeBuilder b = new NoticeBuilder();
    board.entries().forEach(b);
    List<ElectionNotice.Witness> listed = new ArrayList<>();
    for (int i = 0; i < witnesses.size(); i++) {
      listed.add(new ElectionNotice.Witness(java.net.URI.create("http://witness-" + (i + 1) + ".test"),
          witnesses.get(i).verifierKey()));
    }
    return b.notice(listed, quorum);
  }

  /** Encrypts a ballot at {@code kiosk} on the board's clock, continuing from {@code previousCode}. */
  public EncryptedBallot encrypt(String kiosk, PlaintextBallot plaintext, BallotSeed seed, Digest previousCode) {
    return new BallotEncryptor(config).encrypt(plaintext, seed, kiosk, time, previousCode);
  }

  /** Encrypts a ballot at {@code kiosk} on the board's clock, continuing the kiosk's chain on the board. */
  public EncryptedBallot encrypt(String kiosk, PlaintextBallot plaintext, BallotSeed seed) {
    return encrypt(kiosk, plaintext, seed, state.chain(kiosk).head());
  }

  /** Posts {@code b} as cast, signed with {@code kioskKey}. */
  public void cast(EncryptedBallot b, Ed25519.PrivateKey kioskKey) {
    post(Submissions.cast(config.extendedHash(), "req-" + (++requests), b, kioskKey));
  }

  /** Posts {@code b} as challenged with the disclosed seed and plaintext, signed with {@code kioskKey}. */
  public void challenge(EncryptedBallot b, BallotSeed seed, PlaintextBallot plaintext, Ed25519.PrivateKey kioskKey) {
    post(Submissions.challenged(config.extendedHash(), "req-" + (++requests), b, seed, plaintext, kioskKey));
  }

  /** Encrypts {@code plaintext} at {@code kiosk} and posts it, cast or (with its seed) challenged. */
  public EncryptedBallot vote(String kiosk, PlaintextBallot plaintext, boolean challenge) {
    plaintext = inNamespace(kiosk, plaintext);
    BallotSeed seed = BallotSeed.random(random);
    EncryptedBallot b = encrypt(kiosk, plaintext, seed);
    if (challenge) {
      challenge(b, seed, plaintext, kioskKey(kiosk));
    } else {
      cast(b, kioskKey(kiosk));
    }
    return b;
  }

  /**
   * The plaintext under an id in the kiosk's namespace (rule BALLOT_ID_OF_KIOSK): its own id if it already is,
   * else {@code <kiosk>-<id without '-'>}.
   */
  public static PlaintextBallot inNamespace(String kiosk, PlaintextBallot plaintext) {
    return org.evote.crypto.board.BoardState.inKioskNamespace(plaintext.ballotId(), kiosk) ? plaintext
        : plaintext.withBallotId(kiosk + "-" + plaintext.ballotId().replace("-", ""));
  }
}
