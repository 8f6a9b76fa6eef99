package org.evote.server.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import org.evote.crypto.json.BoardJson;
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

  /** A prepared submission: the request body and the ballot in it. */
  public record Submission(String body, EncryptedBallot ballot, boolean challenged, String requestId) {}

  /** Encrypts the plaintext as the kiosk's next ballot and builds the signed request body. */
  public Submission next(PlaintextBallot plaintext, boolean challenge) {
    BallotSeed seed = BallotSeed.random(random);
    EncryptedBallot b = new BallotEncryptor(config).encrypt(plaintext, seed, id, time, chain);
    chain = b.confirmationCode();
    String requestId = id + "-req-" + (++requests);
    EntryPayload p = challenge
        ? Submissions.challenged(config.extendedHash(), requestId, b, seed, plaintext, key)
        : Submissions.cast(config.extendedHash(), requestId, b, key);
    return new Submission(body(p), b, challenge, requestId);
  }

  /** The request body for a payload: the payload's members plus the election hash. */
  public String body(EntryPayload p) {
    JsonObjectBuilder b = Json.createObjectBuilder(BoardJson.encodePayload(p));
    b.add("election_hash", config.extendedHash().toHex());
    return b.build().toString();
  }

  /** Rewrites one member of a body (for hostile-input tests). */
  public static String with(String body, String member, jakarta.json.JsonValue value) {
    JsonObject o = org.evote.crypto.json.JsonText.parseObject(body);
    return Json.createObjectBuilder(o).add(member, value).build().toString();
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
