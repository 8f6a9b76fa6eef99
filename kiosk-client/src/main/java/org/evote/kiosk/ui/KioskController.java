package org.evote.kiosk.ui;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.LocalReceipt;
import org.evote.kiosk.service.PreparedBallot;
import org.evote.kiosk.service.ReceiptDocument;
import org.evote.kiosk.service.Uploader;
import org.evote.kiosk.session.InactivityTimer;
import org.evote.kiosk.session.Screen;
import org.evote.kiosk.session.VotingSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the voter flow to the kiosk's services: encrypting, casting and challenging run off the JavaFX thread
 * (they take a moment and may wait for the board); the receipt is saved as PDF and printed; inactivity and the
 * end of a voter's turn wipe everything the voter chose.
 */
public final class KioskController implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KioskController.class);
  private final VotingSession session;
  private final BallotCaster caster;
  private final Uploader uploader;
  private final String electionName;
  private final Path receipts;
  private final LongSupplier clock;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "kiosk-worker");
    t.setDaemon(true);
    return t;
  });
  private final InactivityTimer inactivity;
  private final org.evote.kiosk.pollworker.ClockNotice clockNotice;
  private PreparedBallot prepared;
  private LocalReceipt lastReceipt;
  private String printStatus = "";
  private Consumer<Throwable> errorHandler = e -> LOG.error("kiosk task failed", e);

  /**
   * @param clock seconds, for inactivity (tests drive it)
   * @param receipts where receipt PDFs are saved
   */
  public KioskController(VotingSession session, BallotCaster caster, Uploader uploader, String electionName,
      Path receipts, LongSupplier clock) {
    this.session = session;
    this.caster = caster;
    this.uploader = uploader;
    this.electionName = electionName;
    this.receipts = receipts;
    this.clock = clock;
    this.inactivity = new InactivityTimer(clock.getAsLong());
    this.clockNotice = new org.evote.kiosk.pollworker.ClockNotice(uploader.boardClock()::state);
  }

  /** The poll workers' notice about the kiosk's clock, shown before a ballot is started. */
  public org.evote.kiosk.pollworker.ClockNotice clockNotice() {
    return clockNotice;
  }

  public VotingSession session() {
    return session;
  }

  public String electionName() {
    return electionName;
  }

  /** The election's name in the voter's language, as the receipt prints it (protocol §5.1 "Display names"). */
  public String receiptElectionName() {
    return session.electionName();
  }

  public Uploader.Status uploadStatus() {
    return uploader.status();
  }

  public LocalReceipt lastReceipt() {
    return lastReceipt;
  }

  /** Where the last receipt went, in the voter's words: printed, or the file and folder it was saved in. */
  public String printStatus() {
    return printStatus;
  }

  public void onError(Consumer<Throwable> handler) {
    errorHandler = handler;
  }

  /** Any voter input. */
  public void touch() {
    inactivity.touch(clock.getAsLong());
  }

  /** Ticked every second by the view: returns the inactivity state, resetting the ballot when it expires. */
  public InactivityTimer.State tick() {
    Screen s = session.screen();
    if (s == Screen.ACTIVATION || s == Screen.ENCRYPTING || s == Screen.SUBMITTING) {
      touch();
      return new InactivityTimer.State.Active();
    }
    InactivityTimer.State state = inactivity.state(clock.getAsLong());
    if (state instanceof InactivityTimer.State.Expired) {
      LOG.info("voter inactive: ballot cleared");
      endVoter();
    }
    return state;
  }

  /** Encrypts the reviewed ballot, then shows the tracking code. */
  public void encrypt() {
    touch();
    session.encrypting();
    run(() -> caster.prepare(session.styleId().orElseThrow(), session.ballotChoices(),
        session.ballotWriteIns()), p -> {
      prepared = p;
      session.decide();
    });
  }

  public String trackingCode() {
    return prepared == null ? "" : prepared.trackingCode();
  }

  /** Casts the shown ballot and prints the receipt. */
  public void cast() {
    touch();
    PreparedBallot p = prepared;
    prepared = null;
    session.submitting();
    run(() -> caster.cast(p), r -> {
      lastReceipt = r;
      printStatus = saveAndPrint(r);
      session.cast();
    });
  }

  /** Challenges the shown ballot: posted with its opening, never counted; the voter then votes again. */
  public void challenge() {
    touch();
    PreparedBallot p = prepared;
    prepared = null;
    session.submitting();
    run(() -> caster.challenge(p), r -> {
      lastReceipt = r;
      printStatus = saveAndPrint(r);
      session.challenged();
    });
  }

  /** The voter's turn is over: every trace of their choices is wiped. */
  public void endVoter() {
    if (prepared != null) {
      prepared.wipe();
      prepared = null;
    }
    session.reset();
    lastReceipt = null;
    printStatus = "";
  }

  private String saveAndPrint(LocalReceipt r) {
    try {
      Path pdf = ReceiptDocument.save(receipts, session.texts(), receiptElectionName(), r, ZoneId.systemDefault());
      return ReceiptPrinter.print(pdf) ? session.texts().get("receipt.printed")
          : session.texts().get("receipt.noPrinter", pdf.getFileName().toString(),
              pdf.toAbsolutePath().getParent().toString());
    } catch (java.io.IOException e) {
      LOG.error("cannot save the receipt of {}", r.ballotId(), e);
      return session.texts().get("receipt.saveFailed");
    }
  }

  private interface Work<T> {
    T call() throws Exception;
  }

  private <T> void run(Work<T> work, Consumer<T> then) {
    Task<T> task = new Task<>() {
      @Override
      protected T call() throws Exception {
        return work.call();
      }
    };
    task.setOnSucceeded(e -> then.accept(task.getValue()));
    task.setOnFailed(e -> {
      errorHandler.accept(task.getException());
      endVoter();
    });
    worker.execute(task);
  }

  /** Runs on the JavaFX thread (for callers off it). */
  static void fx(Runnable r) {
    if (Platform.isFxApplicationThread()) {
      r.run();
    } else {
      Platform.runLater(r);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
