package org.evote.server.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import org.evote.crypto.ballot.BallotEncryptor;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.KioskSubmissions;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.SignedSubmission;
import org.evote.crypto.json.Submissions;

/** A kiosk for tests: encrypts ballots continuing its chain and builds signed submissions for the board. */
public final class TestKiosk {
  public final String id;
  public final Ed25519.PrivateKey key;
  private final ElectionConfig config;
  private final SecureRandom random;
  private Digest chain;
  private long time;
  private int requests;

  public TestKiosk(String id, ElectionConfig config, SecureRandom random) {
    this(id, Ed25519.PrivateKey.generate(random), config, random);
  }

  /** A kiosk signing with {@code key} (e.g. the one in a credential file {@code kiosk add} wrote). */
  public TestKiosk(String id, Ed25519.PrivateKey key, ElectionConfig config, SecureRandom random) {
    this.id = id;
    this.config = config;
    this.random = random;
    this.key = key;
    this.chain = ConfirmationCodes.chainStart(config.extendedHash(), id);
    this.time = System.currentTimeMillis() / 1000 - 60;
  }

  /** A prepared submission: the signed request and the ballot in it. */
  public record Submission(SignedSubmission signed, EncryptedBallot ballot, boolean challenged, String requestId) {
    /** The request body: the canonical JSON the kiosk signed. */
    public String body() {
      return signed.body();
    }

    /** The form a kiosk's store keeps (the entry payload plus election_hash). */
    public String stored() {
      return signed.stored();
    }

    public EntryKind kind() {
      return signed.kind();
    }
  }

  /**
   * Encrypts the plaintext as the kiosk's next ballot and builds the signed request body. A ballot id outside the
   * kiosk's namespace (rule BALLOT_ID_OF_KIOSK) is moved into it: {@code <kiosk>-<id without '-'>}.
   */
  public Submission next(PlaintextBallot plaintext, boolean challenge) {
    return nextExactly(org.evote.crypto.board.BoardState.inKioskNamespace(plaintext.ballotId(), id) ? plaintext
        : plaintext.withBallotId(id + "-" + plaintext.ballotId().replace("-", "")), challenge);
  }

  /** {@link #next}, keeping the plaintext's ballot id whatever it is (to post into another kiosk's namespace). */
  public Submission nextExactly(PlaintextBallot plaintext, boolean challenge) {
    BallotSeed seed = BallotSeed.random(random);
    EncryptedBallot b = new BallotEncryptor(config).encrypt(plaintext, seed, id, time, chain);
    chain = b.confirmationCode();
    String requestId = id + "-req-" + (++requests);
    EntryPayload p = challenge
        ? Submissions.challenged(config.extendedHash(), requestId, b, seed, plaintext, key)
        : Submissions.cast(config.extendedHash(), requestId, b, key);
    return new Submission(signed(p), b, challenge, requestId);
  }

  /** The signed submission of a payload (signed by whichever key signed the payload). */
  public SignedSubmission signed(EntryPayload p) {
    return SignedSubmission.of(config.extendedHash(), p);
  }

  /**
   * Any body, sent as this kiosk's submission of {@code kind} and signed with its key over exactly these bytes (for
   * hostile-input tests: the board then parses it).
   */
  public SignedSubmission sign(EntryKind kind, String body) {
    Ed25519.Signature signature = key.sign(KioskSubmissions.message(config.extendedHash(), kind,
        body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return new SignedSubmission(config.extendedHash(), kind, id, body, signature);
  }

  /**
   * Rewrites one member of a submission's body (kept canonical) but keeps its signature, as a forger on the network
   * would: the board must refuse it as {@code bad_signature}.
   */
  public static SignedSubmission tampered(SignedSubmission s, String member, jakarta.json.JsonValue value) {
    JsonObject o = org.evote.crypto.json.JsonText.parseObject(s.body());
    return new SignedSubmission(s.electionHash(), s.kind(), s.kioskId(),
        CanonicalJson.write(Json.createObjectBuilder(o).add(member, value).build()), s.signature());
  }

  /** The same submission with another body, its signature kept (a forgery: refused as {@code bad_signature}). */
  public static SignedSubmission withBody(SignedSubmission s, String body) {
    return new SignedSubmission(s.electionHash(), s.kind(), s.kioskId(), body, s.signature());
  }

  /** Sets the time the kiosk's clock gives its next ballots. */
  public void setTime(long seconds) {
    time = seconds;
  }

  /** Rewinds the kiosk's chain (to build a submission that does not continue it). */
  public void setChain(Digest previous) {
    chain = previous;
  }

  public Digest chain() {
    return chain;
  }
}
