package org.evote.crypto.verify;

import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.tally.MixInput;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.tally.EncryptedTally;

/**
 * The single pass over the board (§10.4, order of work 3 and 4): entries are read and decoded in order
 * ({@link EntryStream}); each is checked by V5 ({@link ChainCheck}), by the board's rules for V7, V8 and V12
 * ({@link BoardRulesCheck}), and each ballot by V8–V11 and V13 ({@link BallotBatches}); then V6 over the signed
 * heads ({@link HeadsCheck}).
 */
final class BoardPass implements AutoCloseable {
  private final ElectionConfig config;
  private final StepLog log;
  private final LongConsumer progress;
  private final EntryStream stream;
  private final ChainCheck chain;
  private final BoardRulesCheck rules;
  private final BallotBatches ballots;
  private final RefusalCheck refusals;
  private final MixInput mixInput;

  BoardPass(ElectionConfig config, SecureRandom random, int threads, LongConsumer progress, StepLog log,
      MixInput mixInput) {
    this.mixInput = mixInput;
    this.config = config;
    this.log = log;
    this.progress = progress;
    this.stream = new EntryStream(threads, this::next);
    this.chain = new ChainCheck(config.extendedHash(), log.step(Step.V5_BOARD_CHAIN));
    this.rules = new BoardRulesCheck(new BoardState(config.extendedHash(), ElectionJson.canonical(config)), log);
    this.ballots = new BallotBatches(config, random, threads, log);
    this.refusals = new RefusalCheck(config, random, log.step(Step.V12_KIOSK_CHAINS));
  }

  /** The next entry object of the board file. */
  void accept(JsonObject entry) {
    stream.accept(entry);
  }

  private void next(EntryStream.Decoded d) {
    if (d.entryError() != null) {
      chain.undecodable(d.position(), d.entryError().getMessage());
      return;
    }
    progress.accept(d.position() + 1);
    chain.check(d.entry(), d.position());
    if (d.payloadError() != null) {
      rules.undecodable(d.entry(), d.payloadError().getMessage());
      return;
    }
    if (d.position() == 0 && d.payload() instanceof EntryPayload.ElectionPublished p
        && !p.extendedHash().equals(config.extendedHash())) {
      log.wrongElection(new VerificationReport.WrongElection(config.extendedHash().toHex(),
          p.extendedHash().toHex()));
    }
    rules.check(d.entry(), d.payload(), d.signedText());
    if (d.payload() instanceof EntryPayload.BallotCast c) {
      ballots.add(d.entry().sequence(), c.ballot(), null);
      mixInput.add(c.ballot());
    } else if (d.payload() instanceof EntryPayload.BallotChallenged c) {
      ballots.add(d.entry().sequence(), c.ballot(), c);
    } else if (d.payload() instanceof EntryPayload.BallotRefused r) {
      refusals.check(d.entry(), r);
    }
  }

  /** After the last entry: finishes the ballots, then V6 over {@code heads}. */
  void finish(List<JsonObject> heads) {
    stream.finish();
    ballots.finish();
    log.refusedBallots(refusals.refused());
    close();
    HeadsCheck.run(heads, state().boardKey(), config.extendedHash(), chain, log.step(Step.V6_SIGNED_HEADS));
  }

  /**
   * After {@link #finish}: V19 on the board's checkpoint ({@code null}: it could not be read, V19 already failed)
   * and V20 against the notice.
   */
  void finishCheckpoint(Optional<byte[]> checkpoint, RecordVerifier.NoticeInput notice) {
    Optional<SignedNote> note = checkpoint == null ? Optional.empty() : CheckpointCheck.run(checkpoint, state(),
        config.extendedHash(), chain, log.step(Step.V19_BOARD_CHECKPOINT), log);
    NoticeCheck.run(notice, state(), config.extendedHash(), note, log);
  }

  /** The board as its rules saw it: polls, counts, the tally entry. */
  BoardState state() {
    return rules.state();
  }

  /** The sum of the cast ballots that passed V8–V11. */
  EncryptedTally castSum() {
    return ballots.castSum();
  }

  @Override
  public void close() {
    stream.close();
    ballots.close();
  }
}
