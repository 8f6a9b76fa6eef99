package org.evote.kiosk.service;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.evote.crypto.ballot.BallotEncryptor;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.SignedSubmission;
import org.evote.crypto.json.Submissions;
import org.evote.crypto.keystore.KioskCredentials;

/**
 * The kiosk's encrypt-and-cast path, shared by the voter screens and the robot voter: encrypt the voter's choices
 * continuing the kiosk's chain, then cast or challenge — sign, store durably in the outbox (advancing the chain in
 * the same transaction), hand to the uploader and wait briefly for the board's receipt. If the board does not
 * answer in time the voter still gets a receipt, marked "upload pending". Ballots are dated by the board's time as
 * the uploader's {@link BoardClock} reckons it (never by the kiosk's own clock, which the board does not follow);
 * {@code clock} dates only the kiosk's own records.
 */
public final class BallotCaster {
  private final ElectionConfig config;
  private final KioskCredentials credentials;
  private final KioskStore store;
  private final Uploader uploader;
  private final SecureRandom random;
  private final Clock clock;
  private final URI server;
  private final Duration receiptWait;

  public BallotCaster(ElectionConfig config, KioskCredentials credentials, KioskStore store, Uploader uploader,
      SecureRandom random, Clock clock, URI server, Duration receiptWait) {
    if (!credentials.electionHash().equals(config.extendedHash())) {
      throw new IllegalArgumentException("the kiosk's credentials are for another election");
    }
    this.config = config;
    this.credentials = credentials;
    this.store = store;
    this.uploader = uploader;
    this.random = random;
    this.clock = clock;
    this.server = server;
    this.receiptWait = receiptWait;
  }

  public ElectionConfig config() {
    return config;
  }

  /**
   * Encrypts the voter's choices as the kiosk's next ballot (nothing is sent or stored but the ballot number).
   *
   * @throws ChainBrokenException if the board refused a ballot of this kiosk without a record: every later ballot
   *     of its chain would be refused, so none is started (protocol §9.7)
   */
  public PreparedBallot prepare(String styleId, Map<String, ? extends Collection<String>> choices) {
    return prepare(styleId, choices, Map.of());
  }

  /**
   * Encrypts the voter's choices (a ranked contest's in rank order) and the names written on write-in lines
   * (contest id → (write-in selection id → name), each by {@link org.evote.crypto.ballot.WriteInNames}) as the
   * kiosk's next ballot.
   *
   * @throws ChainBrokenException as {@link #prepare(String, Map)}
   */
  public PreparedBallot prepare(String styleId, Map<String, ? extends Collection<String>> choices,
      Map<String, Map<String, String>> writeIns) {
    Optional<RefusedBallot> broken = store.chainBreak();
    if (broken.isPresent()) {
      throw new ChainBrokenException(broken.get());
    }
    String ballotId = String.format("%s-%06d", credentials.kioskId(), store.takeNumber());
    KioskStore.Chain chain = store.chain();
    long time = uploader.boardClock().ballotTime(chain.lastTime());
    PlaintextBallot plaintext = new PlaintextBallot(ballotId, styleId, choices, writeIns);
    BallotSeed seed = BallotSeed.random(random);
    EncryptedBallot encrypted = new BallotEncryptor(config).encrypt(plaintext, seed, credentials.kioskId(), time,
        chain.lastCode());
    return new PreparedBallot(plaintext, seed, encrypted);
  }

  /** Casts the prepared ballot; the seed is wiped once the submission is stored. */
  public LocalReceipt cast(PreparedBallot p) throws InterruptedException {
    EncryptedBallot b = p.encrypted();
    EntryPayload payload = Submissions.cast(config.extendedHash(), b.ballotId(), b, credentials.key());
    try {
      return submit(EntryKind.BALLOT_CAST, b, payload, writeIns(p));
    } finally {
      p.wipe();
    }
  }

  /** Challenges the prepared ballot: it is posted with its seed and choices, and never counted. */
  public LocalReceipt challenge(PreparedBallot p) throws InterruptedException {
    EncryptedBallot b = p.encrypted();
    EntryPayload payload = Submissions.challenged(config.extendedHash(), b.ballotId(), b, p.seed(), p.plaintext(),
        credentials.key());
    try {
      return submit(EntryKind.BALLOT_CHALLENGED, b, payload, writeIns(p));
    } finally {
      p.wipe();
    }
  }

  /** How many write-in names the ballot carries (the receipt says a write-in was recorded, never the name). */
  private static int writeIns(PreparedBallot p) {
    return p.plaintext().writeIns().values().stream().mapToInt(Map::size).sum();
  }

  private LocalReceipt submit(EntryKind kind, EncryptedBallot b, EntryPayload payload, int writeIns)
      throws InterruptedException {
    String stored = SignedSubmission.of(config.extendedHash(), payload).stored();
    long id = store.enqueue(b.ballotId(), kind, b.ballotId(), b.trackingCode(), b.previousCode(),
        b.confirmationCode(), b.timestamp(), stored, clock.millis() / 1000);
    uploader.kick();
    Optional<KioskStore.Outgoing> done = uploader.awaitResult(id, receiptWait);
    Optional<Long> sequence = done.filter(o -> o.status() == KioskStore.Status.UPLOADED)
        .flatMap(KioskStore.Outgoing::receipt)
        .map(r -> JsonText.parseObject(r).getJsonNumber("sequence").longValue());
    Optional<String> refusal = done.filter(o -> o.status() == KioskStore.Status.REFUSED)
        .map(o -> o.refusal().orElse("refused"));
    return new LocalReceipt(b.ballotId(), kind == EntryKind.BALLOT_CHALLENGED, b.trackingCode(),
        b.confirmationCode().toHex(), credentials.kioskId(), b.timestamp(), sequence,
        sequence.isEmpty() && refusal.isEmpty(), checkUrl(b.trackingCode()), refusal, writeIns);
  }

  /** The look-up URL printed on the receipt (short code); the QR code carries {@link LocalReceipt#lookupUrl()}. */
  public URI checkUrl(String trackingCode) {
    return server.resolve("/?code=" + URLEncoder.encode(trackingCode, StandardCharsets.UTF_8));
  }
}
