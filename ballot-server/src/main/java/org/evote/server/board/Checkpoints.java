package org.evote.server.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.evote.crypto.board.BoardOrigin;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.server.store.CheckpointFile;
import org.evote.server.store.CosignatureStore;

/**
 * The board's C2SP checkpoints (protocol §9.8): for every signed head, the checkpoint of the same size and Merkle
 * root under the board's origin, signed with the checkpoint key (Ed25519 signatures are deterministic, so the
 * checkpoint of a head is always the same note and need not be stored). The newest is written to the checkpoint
 * file before any receipt covering it is given; the witnesses' cosignatures are kept in the {@link CosignatureStore}
 * and served with it.
 */
public final class Checkpoints implements AutoCloseable {
  private final Ed25519NoteSigner signer;
  private final BoardOrigin origin;
  private final CheckpointFile file;
  private final CosignatureStore cosignatures;
  private final List<VerifierKey> witnesses;
  private final List<String> witnessIds;
  private final int quorum;
  /** The one rule of "cosigned by the quorum" (distinct witness names, c2sp.org/tlog-policy). */
  private final WitnessPolicy policy;
  private final List<Consumer<SignedHead>> listeners = new CopyOnWriteArrayList<>();
  /** The latest head a checkpoint was made of, with that checkpoint: one value, so readers see a matching pair. */
  private record Latest(SignedHead head, SignedNote note) {}

  private volatile Latest latest;

  /**
   * Checkpoints signed by {@code signer}, written to {@code file}; {@code quorum} of {@code witnesses} (their
   * cosignature keys) must cosign a checkpoint for receipts to carry it.
   */
  public Checkpoints(Ed25519NoteSigner signer, CheckpointFile file, CosignatureStore cosignatures,
      List<VerifierKey> witnesses, int quorum) {
    this.signer = signer;
    this.origin = BoardOrigin.parse(signer.name(), "checkpoint_key");
    this.file = file;
    this.cosignatures = cosignatures;
    this.witnesses = List.copyOf(witnesses);
    this.witnessIds = this.witnesses.stream().map(VerifierKey::encoded).toList();
    this.policy = new WitnessPolicy(signer.verifierKey(), this.witnesses, quorum);
    this.quorum = quorum;
  }

  public BoardOrigin origin() {
    return origin;
  }

  public VerifierKey key() {
    return signer.verifierKey();
  }

  public List<VerifierKey> witnesses() {
    return witnesses;
  }

  public int quorum() {
    return quorum;
  }

  /** Keeps, durably, {@code witness}'s verified cosignature line over the checkpoint of {@code head}. */
  public void keep(VerifierKey witness, SignedHead head, NoteSignature line) {
    if (!witnesses.contains(witness) || !witness.matches(line)) {
      throw new IllegalArgumentException("not a cosignature of a configured witness");
    }
    cosignatures.put(witness.encoded(), head.size(), head.merkleRoot(), line);
  }

  /** For each witness that has cosigned, the newest checkpoint it cosigned as stored (for the start-up check). */
  List<CosignatureStore.Newest> newestCosigned() {
    return cosignatures.newestPerWitness();
  }

  /** The board-signed checkpoint of {@code head} (no cosignatures). */
  public SignedNote of(SignedHead head) {
    Latest l = latest;
    if (l != null && l.head().size() == head.size() && l.head().merkleRoot().equals(head.merkleRoot())) {
      return l.note();
    }
    return signer.signNote(origin.checkpoint(head.size(), head.merkleRoot()).text());
  }

  /**
   * Makes the checkpoint of a newly committed head: writes it durably to the checkpoint file (throws if it cannot:
   * no receipt may be given before), then tells the listeners (the witness submitter).
   */
  void made(SignedHead head) {
    SignedNote note = signer.signNote(origin.checkpoint(head.size(), head.merkleRoot()).text());
    try {
      file.write(note);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint file " + file.path(), e);
    }
    latest = new Latest(head, note);
    for (Consumer<SignedHead> l : listeners) {
      l.accept(head);
    }
  }

  /** The latest head a checkpoint was made of. */
  public SignedHead latestHead() {
    return latest.head();
  }

  /** Calls {@code listener} with every head a checkpoint is made of from now on (on the board's writer thread). */
  public void onCheckpoint(Consumer<SignedHead> listener) {
    listeners.add(listener);
  }

  /** The latest checkpoint with every cosignature of the configured witnesses collected for it. */
  public SignedNote latestCosigned() {
    Latest l = latest;
    return withCosignatures(l.note(), l.head());
  }

  private SignedNote withCosignatures(SignedNote note, SignedHead head) {
    if (witnesses.isEmpty()) {
      return note;
    }
    return note.withSignatures(cosignatures.of(head.size(), head.merkleRoot(), witnessIds));
  }

  /**
   * The size of the newest checkpoint of at least {@code atLeast} entries that the quorum has cosigned (with a
   * quorum of 0: the latest checkpoint), if any.
   */
  public OptionalLong newestQuorumSize(long atLeast) {
    if (quorum == 0) {
      long size = latest.head().size();
      return size >= atLeast ? OptionalLong.of(size) : OptionalLong.empty();
    }
    // The store proposes the checkpoints with enough witnesses' rows, newest first; WitnessPolicy decides.
    for (CosignatureStore.Candidate c : cosignatures.candidates(quorum, witnessIds, atLeast)) {
      SignedNote note = signer.signNote(origin.checkpoint(c.size(), c.root()).text())
          .withSignatures(cosignatures.of(c.size(), c.root(), witnessIds));
      if (policy.check(note) instanceof WitnessPolicy.Result.Satisfied) {
        return OptionalLong.of(c.size());
      }
    }
    return OptionalLong.empty();
  }

  /** True if the quorum has cosigned the latest checkpoint. */
  public boolean quorumCoversLatest() {
    return newestQuorumSize(latest.head().size()).isPresent();
  }

  /** The checkpoint of {@code head} with the witnesses' cosignatures collected for it. */
  public SignedNote cosigned(SignedHead head) {
    return withCosignatures(of(head), head);
  }

  /** The largest size {@code witness} has cosigned, if any. */
  public OptionalLong lastCosigned(VerifierKey witness) {
    return cosignatures.lastCosigned(witness.encoded());
  }

  /** The checkpoint file's content, if any. */
  public Optional<SignedNote> stored() throws IOException {
    return file.read();
  }

  @Override
  public void close() {
    cosignatures.close();
  }
}
