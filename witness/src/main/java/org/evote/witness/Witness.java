package org.evote.witness;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.note.AddCheckpointRequest;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.NoteVerification;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;

/**
 * The witness (c2sp.org/tlog-witness, "add-checkpoint"; protocol §9.9): checks a submitted checkpoint against the
 * log keys it trusts and the latest checkpoint it cosigned for that log, and cosigns it with both its keys. The
 * check of the old size and the update of the stored checkpoint happen under one lock per origin and in one durable
 * transaction, so two requests can never roll the witness back; the answer is given only after the commit.
 */
public final class Witness {
  private static final int MAX_ECHO = 200;
  private final TrustedLogs logs;
  private final WitnessKeys keys;
  private final WitnessStore store;
  private final Clock clock;
  private final Map<String, ReentrantLock> locks;

  public Witness(TrustedLogs logs, WitnessKeys keys, WitnessStore store, Clock clock) {
    this.logs = logs;
    this.keys = keys;
    this.store = store;
    this.clock = clock;
    this.locks = logs.byOrigin().keySet().stream().collect(Collectors.toUnmodifiableMap(o -> o,
        o -> new ReentrantLock()));
  }

  /** The witness's cosigning keys' verifier keys. */
  public List<VerifierKey> verifierKeys() {
    return keys.verifierKeys();
  }

  /** Decides one {@code add-checkpoint} request body; work before the signature check is linear in its size. */
  public Outcome addCheckpoint(byte[] body) {
    AddCheckpointRequest request;
    try {
      request = AddCheckpointRequest.parse(body);
    } catch (InvalidFieldException e) {
      return new Outcome.Malformed(e.getMessage());
    }
    SignedNote note = request.checkpoint();
    String text = note.text();
    Checkpoint checkpoint = null;
    try {
      checkpoint = Checkpoint.parse(text);
    } catch (InvalidFieldException e) {
      if (!Checkpoint.isEmptyTreeWithOtherRoot(text)) {
        return new Outcome.Malformed(e.getMessage());
      }
    }
    String origin = text.substring(0, text.indexOf('\n'));
    long size = checkpoint == null ? 0 : checkpoint.size();
    Optional<List<VerifierKey>> trusted = logs.keys(origin);
    if (trusted.isEmpty()) {
      return new Outcome.UnknownOrigin("unknown log origin " + echo(origin));
    }
    NoteVerification verification = note.verify(trusted.get());
    if (verification instanceof NoteVerification.NoKnownSignature) {
      return new Outcome.Forbidden("no signature of a trusted key of " + origin);
    }
    if (verification instanceof NoteVerification.BadSignature bad) {
      return new Outcome.Forbidden("the signature of trusted key " + bad.key().encoded() + " does not verify");
    }
    List<VerifierKey> signedBy = ((NoteVerification.Verified) verification).keys();
    if (request.oldSize() > size) {
      return new Outcome.Malformed("old size " + request.oldSize() + " is larger than the checkpoint size " + size);
    }
    ReentrantLock lock = locks.get(origin);
    lock.lock();
    try {
      Optional<WitnessStore.Latest> latest = store.latest(origin);
      long latestSize = latest.map(WitnessStore.Latest::size).orElse(0L);
      if (request.oldSize() != latestSize) {
        return new Outcome.StaleOldSize(latestSize);
      }
      String inconsistency = inconsistency(request, checkpoint, latest);
      if (inconsistency != null) {
        store.keepEvidence(origin, note, 422, inconsistency, new String(body, StandardCharsets.UTF_8), latest, now());
        return new Outcome.Inconsistent(inconsistency);
      }
      // Never earlier than the last cosignature of this origin, whatever the clock did since (protocol §9.9).
      long time = Math.max(now(), latest.map(WitnessStore.Latest::cosignedAt).orElse(0L));
      List<NoteSignature> cosignatures = new ArrayList<>();
      for (Cosigner c : keys.cosigners()) {
        cosignatures.add(c.cosign(checkpoint, time));
      }
      List<NoteSignature> served = new ArrayList<>();
      for (NoteSignature s : note.signatures()) {
        if (signedBy.stream().anyMatch(k -> k.matches(s))) {
          served.add(s);
        }
      }
      served.addAll(cosignatures);
      // Fits in a note monitors can read: AddCheckpointRequest.parse bounds the submitted note to leave room.
      String servedNote = new SignedNote(text, served).format();
      WitnessStore.Latest next = new WitnessStore.Latest(size, checkpoint.rootHash(), servedNote, time);
      if (!store.advance(origin, latestSize, next)) {
        // Only another process could have changed it, and the data directory's lock keeps any other out.
        return new Outcome.StaleOldSize(store.latest(origin).map(WitnessStore.Latest::size).orElse(0L));
      }
      return new Outcome.Cosigned(origin, size, cosignatures);
    } finally {
      lock.unlock();
    }
  }

  /** Why the checkpoint is not consistent with the latest cosigned one, or null if it is (the spec's 422 cases). */
  private static String inconsistency(AddCheckpointRequest request, Checkpoint checkpoint,
      Optional<WitnessStore.Latest> latest) {
    if (checkpoint == null) {
      return "a checkpoint of size 0 must have the empty tree's root hash, SHA-256 of the empty string";
    }
    long old = request.oldSize();
    List<Digest> proof = request.consistencyProof();
    if (old == 0) {
      return proof.isEmpty() ? null : "the consistency proof from size 0 must be empty";
    }
    Digest oldRoot = latest.orElseThrow().rootHash();
    if (old == checkpoint.size()) {
      if (!oldRoot.equals(checkpoint.rootHash())) {
        return "size " + old + " was cosigned with another root hash";
      }
      return proof.isEmpty() ? null : "the consistency proof between equal sizes must be empty";
    }
    if (!MerkleTree.verifyConsistency(old, checkpoint.size(), oldRoot, checkpoint.rootHash(), proof)) {
      return "the consistency proof from size " + old + " to " + checkpoint.size() + " does not verify";
    }
    return null;
  }

  /** The latest cosigned checkpoint of the origin whose lowercase hex SHA-256 is {@code originHash}. */
  public Optional<String> checkpoint(String originHash) {
    return store.noteByOriginHash(originHash);
  }

  private long now() {
    return Math.max(1, clock.instant().getEpochSecond());
  }

  /** An outside string, shortened, for a one-line reason. */
  static String echo(String s) {
    return s.length() <= MAX_ECHO ? s : s.substring(0, MAX_ECHO) + "...";
  }
}
