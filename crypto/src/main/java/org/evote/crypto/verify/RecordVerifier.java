package org.evote.crypto.verify;

import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.EncryptedContest;
import org.evote.crypto.ballot.EncryptedSelection;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.KioskSubmissions;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.ceremony.GuardianRecord;
import org.evote.crypto.decrypt.DecryptionShare;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.decrypt.Lagrange;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonHashes;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.TallyJson;
import org.evote.crypto.proof.BatchVerifier;
import org.evote.crypto.proof.DecryptionProof;
import org.evote.crypto.proof.ProofCheck;
import org.evote.crypto.tally.EncryptedTally;
import org.evote.crypto.tally.TallyAccumulator;

/**
 * Verifies a whole election record against every numbered step of protocol §10.4 and reports each. Reads the
 * board in one streaming pass (memory grows with the number of ballots only by their ids, first α values and entry
 * hashes), verifying ballots in parallel batches on all cores. Never throws on hostile input: a file or object
 * that cannot be read fails the step it belongs to, naming the field.
 */
public final class RecordVerifier {
  private static final int BATCH = 256;
  /** Entries decoded per thread in one batch before they are checked in order. */
  private static final int DECODE_BATCH = 32;

  private final SecureRandom random;
  private final int threads;
  private final LongConsumer progress;

  /** A verifier using {@code threads} threads, reporting the number of board entries read to {@code progress}. */
  public RecordVerifier(SecureRandom random, int threads, LongConsumer progress) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.random = random;
    this.threads = threads;
    this.progress = progress;
  }

  /** A verifier on all cores, without progress reports. */
  public RecordVerifier(SecureRandom random) {
    this(random, Runtime.getRuntime().availableProcessors(), n -> { });
  }

  /** The board as a stream of entry objects followed by its signed heads. */
  public interface BoardSource {
    /** Hands every entry object, in file order, to {@code consumer}. */
    void forEachEntry(java.util.function.Consumer<JsonObject> consumer) throws java.io.IOException;

    /** The signed heads; called after {@link #forEachEntry}. */
    List<JsonObject> heads();
  }

  /**
   * The record's parts as JSON; tally, shares and result are absent before the tally. {@code unreadable} maps a
   * record file name that exists but could not be parsed to the reason, so the step it feeds fails with it.
   */
  public record Input(JsonObject election, BoardSource board, Optional<JsonObject> tally, List<JsonObject> shares,
      Optional<JsonObject> result, Map<String, String> unreadable) {
    public Input {
      unreadable = Map.copyOf(unreadable);
    }

    public Input(JsonObject election, BoardSource board, Optional<JsonObject> tally, List<JsonObject> shares,
        Optional<JsonObject> result) {
      this(election, board, tally, shares, result, Map.of());
    }
  }

  /** A report for an election file that cannot be read at all: V1 fails, nothing else runs. */
  public static VerificationReport unreadableElection(String reason) {
    Map<Step, VerificationReport.Recorder> rec = new EnumMap<>(Step.class);
    Map<Step, VerificationReport.StepOutcome> skipped = new EnumMap<>(Step.class);
    for (Step s : Step.values()) {
      rec.put(s, new VerificationReport.Recorder(s));
      if (s != Step.V1_PARAMETERS) {
        skipped.put(s, VerificationReport.Recorder.notApplicable(s, "not run: election.json cannot be read"));
      }
    }
    rec.get(Step.V1_PARAMETERS).fail("election.json", reason);
    return report(rec, skipped);
  }

  public VerificationReport verify(Input input) {
    BoardCheck board = verifyBoard(input.election(), input.board());
    return board.config == null ? board.report() : board.withTally(input);
  }

  /**
   * Steps V1–V13 over an election and its board in one pass, keeping what the pass computed — the encrypted sum of
   * the cast ballots — so a tally can be formed and its files checked (V14–V17) without reading the board again.
   */
  public BoardCheck verifyBoard(JsonObject election, BoardSource board) {
    Map<Step, VerificationReport.Recorder> rec = new EnumMap<>(Step.class);
    for (Step s : Step.values()) {
      rec.put(s, new VerificationReport.Recorder(s));
    }
    Map<Step, VerificationReport.StepOutcome> skipped = new EnumMap<>(Step.class);

    ElectionJson.Decoded decoded;
    try {
      decoded = ElectionJson.decode(election);
    } catch (InvalidFieldException e) {
      Step step = e.field().startsWith("manifest") ? Step.V2_MANIFEST
          : e.field().startsWith("guardians") || e.field().equals("guardian_count") || e.field().equals("quorum")
              ? Step.V3_GUARDIANS : e.field().equals("joint_public_key") || e.field().equals("extended_hash")
              ? Step.V4_JOINT_KEY : e.field().equals("manifest_hash") || e.field().equals("election_base_hash")
              ? Step.V2_MANIFEST : Step.V1_PARAMETERS;
      rec.get(step).fail("election.json", e.getMessage());
      for (Step s : Step.values()) {
        if (s != step) {
          skipped.put(s, VerificationReport.Recorder.notApplicable(s, "not run: election.json cannot be read"));
        }
      }
      return new BoardCheck(null, null, rec, skipped);
    }
    ElectionConfig config = decoded.config();
    checkElection(decoded, rec);

    BoardPass pass = new BoardPass(config, rec);
    try {
      try {
        board.forEachEntry(pass::accept);
      } catch (java.io.IOException | InvalidFieldException e) {
        rec.get(Step.V5_BOARD_CHAIN).fail("board", "cannot be read: " + e.getMessage());
      }
      pass.finish(board.heads());
    } finally {
      pass.close();
    }
    return new BoardCheck(config, pass, rec, skipped);
  }

  /** The outcome of {@link #verifyBoard}: its report, the sum of the cast ballots, and the tally steps to come. */
  public final class BoardCheck {
    private final ElectionConfig config;
    private final BoardPass pass;
    private final Map<Step, VerificationReport.Recorder> rec;
    private final Map<Step, VerificationReport.StepOutcome> skipped;
    private boolean tallyChecked;

    private BoardCheck(ElectionConfig config, BoardPass pass, Map<Step, VerificationReport.Recorder> rec,
        Map<Step, VerificationReport.StepOutcome> skipped) {
      this.config = config;
      this.pass = pass;
      this.rec = rec;
      this.skipped = skipped;
    }

    /** V1–V13 (V14–V17 not applicable: no tally yet). */
    public VerificationReport report() {
      Map<Step, VerificationReport.StepOutcome> s = new EnumMap<>(skipped);
      for (Step t : List.of(Step.V14_ENCRYPTED_TALLY, Step.V15_DECRYPTION_SHARES, Step.V16_RESULT,
          Step.V17_TALLY_PUBLISHED)) {
        s.putIfAbsent(t, VerificationReport.Recorder.notApplicable(t, "no tally in this record"));
      }
      return RecordVerifier.report(rec, s);
    }

    /** The homomorphic sum of the cast ballots on the board (meaningful only if {@link #report()} is valid). */
    public EncryptedTally castSum() {
      if (pass == null) {
        throw new IllegalStateException("the election could not be read");
      }
      return pass.tally.result();
    }

    /** The number of challenged ballots on the board. */
    public long challenged() {
      return pass == null ? 0 : pass.challenged;
    }

    /** The whole report once the tally files exist: V14–V17 against this pass. Call at most once. */
    public VerificationReport withTally(Input input) {
      if (config == null) {
        return report();
      }
      if (tallyChecked) {
        throw new IllegalStateException("the tally was already checked against this board pass");
      }
      tallyChecked = true;
      input.unreadable().forEach((file, reason) -> {
        Step step = file.contains("tally") ? Step.V14_ENCRYPTED_TALLY : file.contains("share")
            ? Step.V15_DECRYPTION_SHARES : Step.V16_RESULT;
        rec.get(step).fail(file, reason);
      });
      if (!input.unreadable().isEmpty()) {
        skipped.put(Step.V17_TALLY_PUBLISHED, VerificationReport.Recorder.notApplicable(Step.V17_TALLY_PUBLISHED,
            "not run: a tally file cannot be read"));
      }
      if (input.tally().isEmpty()) {
        String why = input.unreadable().isEmpty() ? "no tally in this record"
            : "not run: a tally file cannot be read";
        for (Step s : List.of(Step.V14_ENCRYPTED_TALLY, Step.V15_DECRYPTION_SHARES, Step.V16_RESULT,
            Step.V17_TALLY_PUBLISHED)) {
          skipped.put(s, VerificationReport.Recorder.notApplicable(s, why));
        }
      } else {
        checkTally(config, input, pass, rec, skipped);
      }
      return RecordVerifier.report(rec, skipped);
    }
  }

  private static VerificationReport report(Map<Step, VerificationReport.Recorder> rec,
      Map<Step, VerificationReport.StepOutcome> skipped) {
    List<VerificationReport.StepOutcome> out = new ArrayList<>();
    for (Step s : Step.values()) {
      VerificationReport.Recorder r = rec.get(s);
      out.add(!r.failed() && skipped.containsKey(s) ? skipped.get(s) : r.outcome());
    }
    return new VerificationReport(out);
  }

  /** V1–V4. */
  private void checkElection(ElectionJson.Decoded d, Map<Step, VerificationReport.Recorder> rec) {
    ElectionConfig c = d.config();
    VerificationReport.Recorder v1 = rec.get(Step.V1_PARAMETERS);
    v1.checked(1);
    ElectionJson.Parameters expected = ElectionJson.Parameters.expected();
    if (!d.parameters().equals(expected)) {
      v1.fail("election.json parameters", "not the P-256 parameters and parameter hash H_P of protocol evote/1");
    }
    VerificationReport.Recorder v2 = rec.get(Step.V2_MANIFEST);
    v2.checked(1);
    if (!d.manifestHash().equals(c.manifestHash())) {
      v2.fail("election.json manifest_hash", "H_M does not match the manifest");
    }
    if (!d.baseHash().equals(c.baseHash())) {
      v2.fail("election.json election_base_hash", "H_B does not match H_P, H_M, n and k");
    }
    VerificationReport.Recorder v3 = rec.get(Step.V3_GUARDIANS);
    for (GuardianRecord g : c.guardians()) {
      v3.checked(1);
      if (g.verifyProofs(c.baseHash()) instanceof ProofCheck.Invalid invalid) {
        v3.fail("guardian " + g.index(), invalid.reason());
      }
    }
    VerificationReport.Recorder v4 = rec.get(Step.V4_JOINT_KEY);
    v4.checked(1);
    if (!d.jointKey().equals(c.jointKey().element())) {
      v4.fail("election.json joint_public_key", "K is not the sum of the guardians' K_i,0");
    }
    if (!d.extendedHash().equals(c.extendedHash())) {
      v4.fail("election.json extended_hash", "H_E does not match H_B, K and the guardians' commitments");
    }
  }

  /** The single pass over the board: V5, V7, V8–V13 and the tally sum for V14. */
  private final class BoardPass {
    private final ElectionConfig config;
    private final Map<Step, VerificationReport.Recorder> rec;
    private final Digest he;
    private final MerkleTree tree = new MerkleTree();
    private final List<Digest> entryHashes = new ArrayList<>();
    private BoardEntry previous;
    private Digest recomputedPrevious = Digest.ZERO;
    private long expectedSequence;
    private long lastTime;
    private Ed25519.PublicKey boardKey;
    private boolean pollsOpened;
    private boolean pollsClosed;
    private EntryPayload.TallyPublished tallyPublished;
    private final Map<String, Ed25519.PublicKey> kiosks = new HashMap<>();
    private final Set<String> revoked = new HashSet<>();
    private final Set<String> requestIds = new HashSet<>();
    private final Set<String> ballotIds = new HashSet<>();
    private final CiphertextSet alphas = new CiphertextSet();
    private final Map<String, Digest> chainHead = new HashMap<>();
    private final Map<String, Long> chainCount = new HashMap<>();
    private final Map<String, Long> chainTime = new HashMap<>();
    private final TallyAccumulator tally;
    private long cast;
    private long challenged;
    private final List<Pending> pending = new ArrayList<>();
    private final List<Future<TallyAccumulator>> inFlight = new ArrayList<>();
    private final List<JsonObject> toDecode = new ArrayList<>();
    private ExecutorService pool;
    private ExecutorService decoders;

    BoardPass(ElectionConfig config, Map<Step, VerificationReport.Recorder> rec) {
      this.config = config;
      this.rec = rec;
      this.he = config.extendedHash();
      this.tally = new TallyAccumulator(config.manifest());
    }

    /** Takes the next entry; entries are decoded in parallel batches, then checked in board order. */
    void accept(JsonObject json) {
      toDecode.add(json);
      if (toDecode.size() >= DECODE_BATCH * threads) {
        decodeBatch();
      }
    }

    /** An entry decoded off the main thread: the entry, its payload, or why either could not be decoded. */
    private record Decoded(BoardEntry entry, EntryPayload payload, InvalidFieldException entryError,
        InvalidFieldException payloadError) {}

    private static Decoded decode(JsonObject json, long seq) {
      BoardEntry e;
      try {
        e = BoardJson.decodeEntry(Fields.of(json, "entries[" + seq + "]"));
      } catch (InvalidFieldException ex) {
        return new Decoded(null, null, ex, null);
      }
      try {
        return new Decoded(e, BoardJson.decodePayload(e), null, null);
      } catch (InvalidFieldException ex) {
        return new Decoded(e, null, null, ex);
      }
    }

    /** Decodes the waiting entries on all cores (point decoding dominates) and checks them in order. */
    private void decodeBatch() {
      if (toDecode.isEmpty()) {
        return;
      }
      List<JsonObject> batch = new ArrayList<>(toDecode);
      toDecode.clear();
      long first = expectedSequence;
      Decoded[] out = new Decoded[batch.size()];
      int chunks = Math.min(threads, batch.size());
      if (chunks == 1) {
        for (int i = 0; i < out.length; i++) {
          out[i] = decode(batch.get(i), first + i);
        }
      } else {
        if (decoders == null) {
          decoders = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "record-decoder");
            t.setDaemon(true);
            return t;
          });
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
          int from = c * out.length / chunks;
          int to = (c + 1) * out.length / chunks;
          futures.add(decoders.submit(() -> {
            for (int i = from; i < to; i++) {
              out[i] = decode(batch.get(i), first + i);
            }
          }));
        }
        try {
          for (Future<?> f : futures) {
            f.get();
          }
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("verification interrupted", ex);
        } catch (java.util.concurrent.ExecutionException ex) {
          throw new IllegalStateException("decoding failed unexpectedly", ex.getCause());
        }
      }
      for (Decoded d : out) {
        apply(d);
      }
    }

    private void apply(Decoded d) {
      long seq = expectedSequence++;
      if (d.entryError() != null) {
        rec.get(Step.V5_BOARD_CHAIN).fail("entry " + seq, d.entryError().getMessage());
        previous = null;
        recomputedPrevious = Digest.ZERO;
        entryHashes.add(Digest.ZERO);
        tree.append(Digest.ZERO);
        return;
      }
      BoardEntry e = d.entry();
      progress.accept(seq + 1);
      checkChain(e, seq);
      previous = e;
      // The Merkle tree and heads are checked over hashes recomputed from the contents, so an entry edited
      // without fixing its stored hash also breaks every signed head that covers it.
      Digest recomputed = BoardEntry.hash(he, recomputedPrevious, seq, e.kind(), e.timestamp(), e.payload());
      recomputedPrevious = recomputed;
      entryHashes.add(recomputed);
      tree.append(recomputed);
      if (d.payloadError() != null) {
        Step step = e.kind() == EntryKind.BALLOT_CAST || e.kind() == EntryKind.BALLOT_CHALLENGED
            ? Step.V8_BALLOT_STRUCTURE : Step.V7_BOARD_SEQUENCE;
        rec.get(step).fail("entry " + seq + " (" + e.kind().wireName() + ")", d.payloadError().getMessage());
        return;
      }
      checkSequence(e, d.payload());
    }

    private void checkChain(BoardEntry e, long seq) {
      VerificationReport.Recorder v5 = rec.get(Step.V5_BOARD_CHAIN);
      v5.checked(1);
      String object = "entry " + seq;
      if (e.sequence() != seq) {
        v5.fail(object, "sequence number is " + e.sequence() + ", expected " + seq
            + " (an entry is missing, duplicated or out of order)");
      }
      Digest expectedPrevious = seq == 0 ? Digest.ZERO : previous == null ? null : previous.entryHash();
      if (expectedPrevious != null && !e.previousHash().equals(expectedPrevious)) {
        v5.fail(object, "previous_hash does not match the hash of entry " + (seq - 1));
      }
      if (!e.hashMatches(he)) {
        v5.fail(object, "entry_hash does not match the entry's contents (the entry was altered)");
      }
    }

    private void checkSequence(BoardEntry e, EntryPayload payload) {
      VerificationReport.Recorder v7 = rec.get(Step.V7_BOARD_SEQUENCE);
      v7.checked(1);
      String object = "entry " + e.sequence() + " (" + e.kind().wireName() + ")";
      if (e.timestamp() < lastTime) {
        v7.fail(object, "time goes backwards");
      }
      lastTime = Math.max(lastTime, e.timestamp());
      if ((e.sequence() == 0) != (e.kind() == EntryKind.ELECTION_PUBLISHED)) {
        v7.fail(object, "the election must be published by entry 0 and only there");
      }
      if (payload instanceof EntryPayload.ElectionPublished p) {
        if (!p.extendedHash().equals(he)) {
          v7.fail(object, "publishes an election with another extended hash");
        } else if (!p.electionJson().equals(org.evote.crypto.json.CanonicalJson.write(
            ElectionJson.encode(config)))) {
          v7.fail(object, "the published election differs from election.json");
        }
        if (boardKey == null) {
          boardKey = p.boardKey();
        }
      } else if (payload instanceof EntryPayload.PollsOpened) {
        if (pollsOpened) {
          v7.fail(object, "polls opened twice");
        }
        pollsOpened = true;
      } else if (payload instanceof EntryPayload.KioskRegistered k) {
        if (kiosks.containsKey(k.kioskId())) {
          v7.fail(object, "kiosk " + k.kioskId() + " registered twice");
        }
        if (pollsClosed) {
          v7.fail(object, "kiosk registered after the polls closed");
        }
        kiosks.put(k.kioskId(), k.publicKey());
      } else if (payload instanceof EntryPayload.KioskRevoked k) {
        if (!kiosks.containsKey(k.kioskId())) {
          v7.fail(object, "revokes unknown kiosk " + k.kioskId());
        }
        revoked.add(k.kioskId());
      } else if (payload instanceof EntryPayload.BallotCast c) {
        ballot(e, c.requestId(), c.ballot(), c.signature(), object, null);
      } else if (payload instanceof EntryPayload.BallotChallenged c) {
        ballot(e, c.requestId(), c.ballot(), c.signature(), object, c);
      } else if (payload instanceof EntryPayload.PollsClosed c) {
        flush();
        drain();
        if (!pollsOpened || pollsClosed) {
          v7.fail(object, "polls closed without being open");
        }
        pollsClosed = true;
        checkClose(c, object);
      } else if (payload instanceof EntryPayload.TallyPublished t) {
        if (!pollsClosed) {
          v7.fail(object, "tally published before the polls closed");
        }
        if (tallyPublished != null) {
          v7.fail(object, "a second tally_published entry");
        }
        tallyPublished = t;
      }
    }

    private void ballot(BoardEntry e, String requestId, EncryptedBallot b, Ed25519.Signature signature,
        String object, EntryPayload.BallotChallenged challenge) {
      VerificationReport.Recorder v7 = rec.get(Step.V7_BOARD_SEQUENCE);
      VerificationReport.Recorder v8 = rec.get(Step.V8_BALLOT_STRUCTURE);
      String kiosk = b.kioskId();
      if (!pollsOpened || pollsClosed) {
        v7.fail(object, "ballot " + b.ballotId() + " posted while the polls were not open");
      }
      Ed25519.PublicKey key = kiosks.get(kiosk);
      if (key == null) {
        v7.fail(object, "ballot " + b.ballotId() + " from unregistered kiosk " + kiosk);
      } else if (revoked.contains(kiosk)) {
        v7.fail(object, "ballot " + b.ballotId() + " from revoked kiosk " + kiosk);
      } else {
        String unsigned = BoardJson.unsignedPayloadText(JsonText.parseObject(e.payload()));
        if (!key.verifies(KioskSubmissions.message(he, e.kind(), unsigned), signature)) {
          v7.fail(object, "kiosk " + kiosk + "'s signature does not verify");
        }
      }
      if (!requestIds.add(kiosk + "\u0000" + requestId)) {
        v7.fail(object, "request id " + requestId + " of kiosk " + kiosk + " used twice");
      }
      v8.checked(1);
      if (!ballotIds.add(b.ballotId())) {
        v8.fail(object, "ballot id " + b.ballotId() + " appears twice on the board");
      }
      for (EncryptedContest c : b.contests()) {
        for (EncryptedSelection s : c.selections()) {
          if (!alphas.add(s.ciphertext().alpha())) {
            v8.fail(object, "ballot " + b.ballotId() + " repeats a ciphertext already on the board "
                + "(copied ballot)");
            break;
          }
        }
      }
      VerificationReport.Recorder v12 = rec.get(Step.V12_KIOSK_CHAINS);
      v12.checked(1);
      Digest expectedPrevious = chainHead.getOrDefault(kiosk, ConfirmationCodes.chainStart(he, kiosk));
      if (!b.previousCode().equals(expectedPrevious)) {
        v12.fail(object, "ballot " + b.ballotId() + " does not continue kiosk " + kiosk + "'s chain");
      }
      Long lastTime = chainTime.get(kiosk);
      if (lastTime != null && b.timestamp() < lastTime) {
        v12.fail(object, "ballot " + b.ballotId() + " is dated before the previous ballot of kiosk " + kiosk);
      }
      if (b.timestamp() > e.timestamp()) {
        v12.fail(object, "ballot " + b.ballotId() + " is dated after the board received it");
      }
      chainTime.put(kiosk, b.timestamp());
      chainHead.put(kiosk, b.confirmationCode());
      chainCount.merge(kiosk, 1L, Long::sum);
      if (challenge == null) {
        cast++;
      } else {
        challenged++;
      }
      pending.add(new Pending(e.sequence(), b, challenge));
      if (pending.size() >= BATCH * threads) {
        flush();
      }
    }

    private void checkClose(EntryPayload.PollsClosed c, String object) {
      VerificationReport.Recorder v12 = rec.get(Step.V12_KIOSK_CHAINS);
      Set<String> seen = new HashSet<>();
      for (EntryPayload.ChainClose ch : c.chains()) {
        if (!seen.add(ch.kioskId())) {
          v12.fail(object, "kiosk " + ch.kioskId() + " closed twice");
          continue;
        }
        if (!kiosks.containsKey(ch.kioskId())) {
          v12.fail(object, "closes the chain of kiosk " + ch.kioskId() + ", which was never registered");
          continue;
        }
        Digest last = chainHead.getOrDefault(ch.kioskId(), ConfirmationCodes.chainStart(he, ch.kioskId()));
        long count = chainCount.getOrDefault(ch.kioskId(), 0L);
        if (!ch.lastCode().equals(last) || ch.ballots() != count) {
          v12.fail(object, "kiosk " + ch.kioskId() + " closes with " + ch.ballots() + " ballots and a last code "
              + "that do not match its chain (" + count + " ballots on the board)");
        } else if (!ch.closeHash().equals(ConfirmationCodes.chainClose(he, ch.kioskId(), last, count))) {
          v12.fail(object, "kiosk " + ch.kioskId() + "'s close hash is wrong");
        }
      }
      for (String kiosk : chainHead.keySet()) {
        if (!seen.contains(kiosk)) {
          v12.fail(object, "kiosk " + kiosk + " posted ballots but its chain is not closed");
        }
      }
    }

    /**
     * Hands the pending ballots to the worker threads (V8–V11, V13; cast ones are summed for V14) and returns, so
     * the next batch is read and decoded while this one is verified; at most one batch is in flight.
     */
    void flush() {
      drain();
      if (pending.isEmpty()) {
        return;
      }
      List<Pending> work = new ArrayList<>(pending);
      pending.clear();
      if (threads == 1) {
        tally.merge(verifyChunk(work));
        return;
      }
      if (pool == null) {
        pool = Executors.newFixedThreadPool(threads, r -> {
          Thread t = new Thread(r, "record-verifier");
          t.setDaemon(true);
          return t;
        });
      }
      int chunks = Math.min(threads, work.size());
      for (int t = 0; t < chunks; t++) {
        List<Pending> mine = work.subList(t * work.size() / chunks, (t + 1) * work.size() / chunks);
        inFlight.add(pool.submit(() -> verifyChunk(mine)));
      }
    }

    /** Waits for the batch in flight and adds its cast ballots to the tally. */
    void drain() {
      try {
        for (Future<TallyAccumulator> f : inFlight) {
          tally.merge(f.get());
        }
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("verification interrupted", ex);
      } catch (Exception ex) {
        throw new IllegalStateException("ballot verification failed unexpectedly", ex);
      } finally {
        inFlight.clear();
      }
    }

    /** Stops the worker threads. */
    void close() {
      if (pool != null) {
        pool.shutdownNow();
        pool = null;
      }
      if (decoders != null) {
        decoders.shutdownNow();
        decoders = null;
      }
    }

    private TallyAccumulator verifyChunk(List<Pending> chunk) {
      BallotVerifier verifier = new BallotVerifier(config, random);
      ChallengedBallotCheck challenge = new ChallengedBallotCheck(config);
      TallyAccumulator sum = new TallyAccumulator(config.manifest());
      for (Pending p : chunk) {
        String object = "entry " + p.sequence();
        VerificationResult r = verifier.verify(p.ballot());
        rec.get(Step.V9_SELECTION_PROOFS).checked(1);
        rec.get(Step.V10_CONTEST_PROOFS).checked(1);
        rec.get(Step.V11_CONFIRMATION_CODES).checked(1);
        if (r instanceof VerificationResult.Invalid inv) {
          rec.get(inv.step()).fail(object + " " + inv.object(), inv.reason());
          continue;
        }
        if (p.challenge() != null) {
          rec.get(Step.V13_CHALLENGED_BALLOTS).checked(1);
          VerificationResult c = challenge.check(p.ballot(), p.challenge().seed(), p.challenge().plaintext());
          if (c instanceof VerificationResult.Invalid inv) {
            rec.get(Step.V13_CHALLENGED_BALLOTS).fail(object + " " + inv.object(), inv.reason());
          }
        } else {
          sum.add(p.ballot());
        }
      }
      return sum;
    }

    /** After the last entry: flush, then V6 over the signed heads. */
    void finish(List<JsonObject> heads) {
      decodeBatch();
      flush();
      drain();
      close();
      VerificationReport.Recorder v6 = rec.get(Step.V6_SIGNED_HEADS);
      if (boardKey == null) {
        v6.fail("board", "no board key: entry 0 does not publish the election");
        return;
      }
      if (heads.isEmpty()) {
        v6.fail("board", "no signed head covers the board");
      }
      long largest = 0;
      for (int i = 0; i < heads.size(); i++) {
        String object = "signed head " + i;
        v6.checked(1);
        SignedHead h;
        try {
          h = BoardJson.decodeHead(Fields.of(heads.get(i), "signed_heads[" + i + "]"));
        } catch (InvalidFieldException ex) {
          v6.fail(object, ex.getMessage());
          continue;
        }
        if (h.size() > tree.size()) {
          v6.fail(object, "covers " + h.size() + " entries but the board has " + tree.size());
          continue;
        }
        if (!h.signatureValid(he, boardKey)) {
          v6.fail(object, "signature by the board key does not verify");
        }
        if (!h.headHash().equals(entryHashes.get((int) h.size() - 1))) {
          v6.fail(object, "head hash is not the hash of entry " + (h.size() - 1));
        }
        if (!h.merkleRoot().equals(tree.root(h.size()))) {
          v6.fail(object, "Merkle root does not match the first " + h.size() + " entries");
        }
        largest = Math.max(largest, h.size());
      }
      if (largest > 0 && largest < tree.size()) {
        v6.note("the latest signed head covers " + largest + " of " + tree.size() + " entries");
      }
    }
  }

  private record Pending(long sequence, EncryptedBallot ballot, EntryPayload.BallotChallenged challenge) {}

  /** V14–V17. */
  private void checkTally(ElectionConfig config, Input input, BoardPass pass,
      Map<Step, VerificationReport.Recorder> rec, Map<Step, VerificationReport.StepOutcome> skipped) {
    VerificationReport.Recorder v14 = rec.get(Step.V14_ENCRYPTED_TALLY);
    v14.checked(1);
    if (!pass.pollsClosed) {
      v14.fail("encrypted_tally.json", "the board has no polls_closed entry: a tally before the polls close "
          + "cannot be checked against the final board");
    }
    EncryptedTally tally;
    try {
      tally = TallyJson.decodeTally(Fields.of(input.tally().get(), "encrypted_tally"));
    } catch (InvalidFieldException e) {
      v14.fail("encrypted_tally.json", e.getMessage());
      notRun(skipped, "the encrypted tally cannot be read", Step.V15_DECRYPTION_SHARES, Step.V16_RESULT,
          Step.V17_TALLY_PUBLISHED);
      return;
    }
    EncryptedTally expected = pass.tally.result();
    if (tally.castBallots() != pass.cast) {
      v14.fail("encrypted_tally.json", "counts " + tally.castBallots() + " cast ballots, the board has "
          + pass.cast);
    }
    if (!sameShape(tally, expected)) {
      v14.fail("encrypted_tally.json", "contests or selections differ from the manifest");
      notRun(skipped, "the encrypted tally does not match the manifest", Step.V15_DECRYPTION_SHARES,
          Step.V16_RESULT, Step.V17_TALLY_PUBLISHED);
      return;
    }
    for (int c = 0; c < expected.contests().size(); c++) {
      for (int s = 0; s < expected.contests().get(c).selections().size(); s++) {
        if (!tally.contests().get(c).selections().get(s).ciphertext()
            .equals(expected.contests().get(c).selections().get(s).ciphertext())) {
          v14.fail("encrypted tally " + expected.contests().get(c).contestId() + "/"
              + expected.contests().get(c).selections().get(s).selectionId(),
              "is not the sum of the cast ballots' ciphertexts");
        }
      }
    }

    VerificationReport.Recorder v15 = rec.get(Step.V15_DECRYPTION_SHARES);
    List<DecryptionShare> shares = new ArrayList<>();
    SortedSet<Integer> guardians = new TreeSet<>();
    for (int i = 0; i < input.shares().size(); i++) {
      v15.checked(1);
      DecryptionShare share;
      try {
        share = TallyJson.decodeShare(Fields.of(input.shares().get(i), "decryption_shares[" + i + "]"));
      } catch (InvalidFieldException e) {
        v15.fail("decryption share " + i, e.getMessage());
        continue;
      }
      String object = "guardian " + share.guardian() + "'s decryption share";
      if (share.guardian() > config.guardianCount()) {
        v15.fail(object, "there are only " + config.guardianCount() + " guardians");
        continue;
      }
      if (!guardians.add(share.guardian())) {
        v15.fail(object, "guardian gave two shares");
        continue;
      }
      Optional<String> failure = checkShare(config, tally, share);
      if (failure.isPresent()) {
        v15.fail(object, failure.get());
        continue;
      }
      shares.add(share);
    }
    if (guardians.size() < config.quorum()) {
      v15.fail("decryption shares", "only " + guardians.size() + " guardians decrypted; the quorum is "
          + config.quorum());
    }

    VerificationReport.Recorder v16 = rec.get(Step.V16_RESULT);
    v16.checked(1);
    ElectionResult result;
    if (input.result().isEmpty()) {
      if (!input.unreadable().containsKey("result.json")) {
        v16.fail("result.json", "missing");
      }
      notRun(skipped, "result.json cannot be read", Step.V17_TALLY_PUBLISHED);
      return;
    }
    try {
      result = TallyJson.decodeResult(Fields.of(input.result().get(), "result"));
    } catch (InvalidFieldException e) {
      v16.fail("result.json", e.getMessage());
      notRun(skipped, "result.json cannot be read", Step.V17_TALLY_PUBLISHED);
      return;
    }
    if (result.castBallots() != pass.cast || result.challengedBallots() != pass.challenged) {
      v16.fail("result.json", "reports " + result.castBallots() + " cast and " + result.challengedBallots()
          + " challenged ballots; the board has " + pass.cast + " and " + pass.challenged);
    }
    if (!v15.failed() && shares.size() >= config.quorum()) {
      checkCounts(tally, shares, result, v16);
    } else {
      v16.note("counts not checked: the decryption shares are not valid");
    }

    VerificationReport.Recorder v17 = rec.get(Step.V17_TALLY_PUBLISHED);
    if (!input.unreadable().isEmpty()) {
      return;
    }
    if (pass.tallyPublished == null) {
      v17.note("the board has no tally entry yet");
      return;
    }
    v17.checked(1);
    EntryPayload.TallyPublished t = pass.tallyPublished;
    try {
      checkPublishedHashes(t, input, v17);
    } catch (InvalidFieldException e) {
      v17.fail("tally files", "cannot be hashed in canonical form: " + e.getMessage());
    }
  }

  private static void checkPublishedHashes(EntryPayload.TallyPublished t, Input input,
      VerificationReport.Recorder v17) {
    if (!t.tallyHash().equals(JsonHashes.of(input.tally().get()))) {
      v17.fail("tally_published entry", "tally hash does not match encrypted_tally.json");
    }
    if (!t.sharesHash().equals(sharesHash(input.shares()))) {
      v17.fail("tally_published entry", "shares hash does not match decryption_shares.json");
    }
    if (!t.resultHash().equals(JsonHashes.of(input.result().get()))) {
      v17.fail("tally_published entry", "result hash does not match result.json");
    }
  }

  private static void notRun(Map<Step, VerificationReport.StepOutcome> skipped, String why, Step... steps) {
    for (Step s : steps) {
      skipped.put(s, VerificationReport.Recorder.notApplicable(s, "not run: " + why));
    }
  }

  /** The hash of the shares file object {"shares": [...]}. */
  public static Digest sharesHash(List<JsonObject> shares) {
    var array = org.evote.crypto.json.JsonText.array();
    shares.forEach(array::add);
    return JsonHashes.of(org.evote.crypto.json.JsonText.object().add("shares", array).build());
  }

  private static boolean sameShape(EncryptedTally a, EncryptedTally b) {
    if (a.contests().size() != b.contests().size()) {
      return false;
    }
    for (int c = 0; c < a.contests().size(); c++) {
      var ca = a.contests().get(c);
      var cb = b.contests().get(c);
      if (!ca.contestId().equals(cb.contestId()) || ca.selections().size() != cb.selections().size()) {
        return false;
      }
      for (int s = 0; s < ca.selections().size(); s++) {
        if (!ca.selections().get(s).selectionId().equals(cb.selections().get(s).selectionId())) {
          return false;
        }
      }
    }
    return true;
  }

  private Optional<String> checkShare(ElectionConfig config, EncryptedTally tally, DecryptionShare share) {
    if (share.contests().size() != tally.contests().size()) {
      return Optional.of("covers " + share.contests().size() + " contests, the tally has " + tally.contests().size());
    }
    Element vk = config.verificationKey(share.guardian());
    BatchVerifier<String> batch = new BatchVerifier<>(random);
    contests:
    for (int c = 0; c < tally.contests().size(); c++) {
      EncryptedTally.Contest tc = tally.contests().get(c);
      DecryptionShare.Contest sc = share.contests().get(c);
      if (!tc.contestId().equals(sc.contestId()) || tc.selections().size() != sc.selections().size()) {
        return Optional.of("contest " + c + " does not match the tally");
      }
      for (int s = 0; s < tc.selections().size(); s++) {
        EncryptedTally.Selection ts = tc.selections().get(s);
        DecryptionShare.Selection ss = sc.selections().get(s);
        if (!ts.selectionId().equals(ss.selectionId())) {
          return Optional.of("selection " + tc.contestId() + "/" + s + " does not match the tally");
        }
        DecryptionProof.Statement st = new DecryptionProof.Statement(config.extendedHash(),
            config.jointKey().element(), share.guardian(), vk, tc.contestId(), ts.selectionId(), ts.ciphertext(),
            ss.partial());
        batch.add(tc.contestId() + "/" + ts.selectionId(), ss.proof(), st);
        if (batch.hasRejected()) {
          break contests;
        }
      }
    }
    List<BatchVerifier.Failure<String>> failures = batch.verify();
    if (!failures.isEmpty()) {
      return Optional.of(failures.get(0).label() + ": " + failures.get(0).reason());
    }
    return Optional.empty();
  }

  private static void checkCounts(EncryptedTally tally, List<DecryptionShare> shares, ElectionResult result,
      VerificationReport.Recorder v16) {
    SortedSet<Integer> present = new TreeSet<>();
    shares.forEach(s -> present.add(s.guardian()));
    Map<Integer, Scalar> w = Lagrange.coefficients(present);
    Set<String> tallyContests = new HashSet<>();
    tally.contests().forEach(c -> tallyContests.add(c.contestId()));
    for (ElectionResult.Contest rc : result.contests()) {
      if (!tallyContests.contains(rc.contestId())) {
        v16.fail("result " + rc.contestId(), "is not a contest of the tally");
      }
    }
    for (int c = 0; c < tally.contests().size(); c++) {
      EncryptedTally.Contest tc = tally.contests().get(c);
      Optional<ElectionResult.Contest> rc = result.contests().stream()
          .filter(x -> x.contestId().equals(tc.contestId())).findFirst();
      if (rc.isEmpty()) {
        v16.fail("result " + tc.contestId(), "contest missing from result.json");
        continue;
      }
      Set<String> tallySelections = new HashSet<>();
      tc.selections().forEach(x -> tallySelections.add(x.selectionId()));
      for (ElectionResult.Selection rs : rc.get().selections()) {
        if (!tallySelections.contains(rs.selectionId())) {
          v16.fail("result " + tc.contestId() + "/" + rs.selectionId(), "is not a selection of the tally");
        }
      }
      for (int s = 0; s < tc.selections().size(); s++) {
        EncryptedTally.Selection ts = tc.selections().get(s);
        String object = "result " + tc.contestId() + "/" + ts.selectionId();
        Optional<Long> count = result.count(tc.contestId(), ts.selectionId());
        if (count.isEmpty()) {
          v16.fail(object, "selection missing from result.json");
          continue;
        }
        Element m = Element.IDENTITY;
        for (DecryptionShare share : shares) {
          m = m.add(share.contests().get(c).selections().get(s).partial().multiply(w.get(share.guardian())));
        }
        Element t = ts.ciphertext().beta().subtract(m);
        if (count.get() > tally.castBallots() || !t.equals(Element.gPow(Scalar.of(count.get())))) {
          v16.fail(object, "count " + count.get() + " does not match the combined decryption");
        }
      }
    }
  }

}
