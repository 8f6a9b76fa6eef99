package org.evote.server.witness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.server.board.BoardLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks each witness at start what it has cosigned for this board (protocol §9.8; the monitoring API of
 * c2sp.org/tlog-witness): a checkpoint signed by the board's checkpoint key and cosigned by that witness is one the
 * stored board must contain. A witness that is unreachable or answers something that does not verify is logged,
 * not fatal.
 */
public final class StartupWitnessCheck {
  private static final Logger LOG = LoggerFactory.getLogger(StartupWitnessCheck.class);

  private StartupWitnessCheck() {}

  /**
   * The verified checkpoints of {@code clients}; appends to {@code known} each witness's cosigned size (empty if
   * it could not be learnt), in order.
   */
  public static List<BoardLoader.VouchedCheckpoint> ask(List<WitnessClient> clients, VerifierKey checkpointKey,
      List<OptionalLong> known) {
    List<BoardLoader.VouchedCheckpoint> out = new ArrayList<>();
    for (WitnessClient c : clients) {
      String who = c.witness().name() + " (" + c.witness().url() + ")";
      Optional<SignedNote> note;
      try {
        note = c.latest(checkpointKey.name());
      } catch (IOException e) {
        LOG.warn("witness {} could not be asked what it has cosigned: {}", who, e.getMessage());
        known.add(OptionalLong.empty());
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        known.add(OptionalLong.empty());
        continue;
      }
      if (note.isEmpty()) {
        LOG.info("witness {} has not cosigned a checkpoint of this board yet", who);
        known.add(OptionalLong.of(0));
        continue;
      }
      WitnessPolicy.Result r = new WitnessPolicy(checkpointKey, List.of(c.witness().key()), 1).check(note.get());
      if (r instanceof WitnessPolicy.Result.Satisfied s) {
        out.add(new BoardLoader.VouchedCheckpoint(who, s.checkpoint()));
        known.add(OptionalLong.of(s.checkpoint().size()));
      } else {
        LOG.warn("witness {} serves a checkpoint of this board that does not verify: {}", who, r);
        known.add(OptionalLong.empty());
      }
    }
    return out;
  }
}
