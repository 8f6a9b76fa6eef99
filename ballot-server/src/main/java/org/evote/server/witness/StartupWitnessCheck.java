package org.evote.server.witness;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.server.board.BoardLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the witnesses at start what they hold for this board (protocol §9.8; the monitoring API of
 * c2sp.org/tlog-witness), all at once and under one overall bound (the witnesses' request timeout, plus a
 * second): any checkpoint signed by the board's checkpoint key is one the stored board must contain — whether or
 * not the witness's own cosignature on it verifies, since the board signed it. A witness that is unreachable, too
 * slow or answers something the board did not sign is logged, not fatal (it weakens this check, §12).
 */
public final class StartupWitnessCheck {
  private static final Logger LOG = LoggerFactory.getLogger(StartupWitnessCheck.class);
  /** Beyond the request timeout, how long all the answers may take together. */
  static final Duration SLACK = Duration.ofSeconds(1);

  private StartupWitnessCheck() {}

  /** What one witness told: a claim on the board, if any, and the size it has cosigned, if known. */
  private record Answer(Optional<BoardLoader.VouchedCheckpoint> claim, OptionalLong cosigned) {}

  /**
   * The checkpoints of this board the witnesses of {@code clients} hold; appends to {@code known} each witness's
   * cosigned size (empty if it could not be learnt), in order. Returns within the longest client timeout plus
   * {@link #SLACK}.
   */
  public static List<BoardLoader.VouchedCheckpoint> ask(List<WitnessClient> clients, VerifierKey checkpointKey,
      List<OptionalLong> known) {
    List<BoardLoader.VouchedCheckpoint> out = new ArrayList<>();
    if (clients.isEmpty()) {
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients.size(), r -> {
      Thread t = new Thread(r, "startup-witness-check");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Answer>> asked = new ArrayList<>();
      Duration bound = SLACK;
      for (WitnessClient c : clients) {
        asked.add(pool.submit(() -> askOne(c, checkpointKey)));
        bound = c.timeout().plus(SLACK).compareTo(bound) > 0 ? c.timeout().plus(SLACK) : bound;
      }
      long deadline = System.nanoTime() + bound.toNanos();
      for (int i = 0; i < clients.size(); i++) {
        Answer a;
        try {
          a = asked.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          asked.get(i).cancel(true);
          LOG.warn("witness {} did not answer within {} s at start", who(clients.get(i)), bound.toSeconds());
          a = new Answer(Optional.empty(), OptionalLong.empty());
        } catch (ExecutionException e) {
          LOG.warn("witness {} could not be asked what it has cosigned: {}", who(clients.get(i)),
              String.valueOf(e.getCause()));
          a = new Answer(Optional.empty(), OptionalLong.empty());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          a = new Answer(Optional.empty(), OptionalLong.empty());
        }
        a.claim().ifPresent(out::add);
        known.add(a.cosigned());
      }
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  private static String who(WitnessClient c) {
    return c.witness().key().name() + " (" + c.witness().url() + ")";
  }

  private static Answer askOne(WitnessClient c, VerifierKey checkpointKey) {
    String who = who(c);
    Optional<SignedNote> note;
    try {
      note = c.latest(checkpointKey.name());
    } catch (IOException e) {
      LOG.warn("witness {} could not be asked what it has cosigned: {}", who, e.getMessage());
      return new Answer(Optional.empty(), OptionalLong.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(Optional.empty(), OptionalLong.empty());
    }
    if (note.isEmpty()) {
      LOG.info("witness {} has not cosigned a checkpoint of this board yet", who);
      return new Answer(Optional.empty(), OptionalLong.of(0));
    }
    WitnessPolicy.Result r = new WitnessPolicy(checkpointKey, List.of(c.witness().key()), 1).check(note.get());
    if (r instanceof WitnessPolicy.Result.Satisfied s) {
      return new Answer(Optional.of(new BoardLoader.VouchedCheckpoint(who, s.checkpoint())),
          OptionalLong.of(s.checkpoint().size()));
    }
    if (r instanceof WitnessPolicy.Result.BelowQuorum b) {
      // Signed by this board's checkpoint key: the board vouched for it, whatever the witness's cosignature.
      LOG.warn("witness {} serves a checkpoint of size {} signed by this board whose cosignature does not verify",
          who, b.checkpoint().size());
      return new Answer(Optional.of(new BoardLoader.VouchedCheckpoint(who + ", signed by this board but not "
          + "validly cosigned", b.checkpoint())), OptionalLong.empty());
    }
    LOG.warn("witness {} serves a checkpoint this board did not sign: {}", who, r);
    return new Answer(Optional.empty(), OptionalLong.empty());
  }
}
