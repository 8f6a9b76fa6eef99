package org.evote.tally.gui;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.verify.VerificationReport;
import org.evote.tally.service.TallyService;

/**
 * Import a board file for an election and verify it: every numbered step of docs/protocol.md §10.4 up to the
 * tally, with progress, the counts, and a table of steps with the first failing ids. A board whose entry 0 names
 * another election is said to be so first, at import and again above the steps.
 */
public final class BoardViewModel {
  /** One row of the verification table; {@code status} is the bundle's word for {@code state}. */
  public record StepRow(String id, String status, String title, long checked, String detail,
      VerificationReport.Status state) {}

  /** What the import found on the board. */
  public record BoardSummary(ElectionConfig config, long entries, long cast, long challenged, long refused,
      Optional<VerificationReport.WrongElection> wrongElection) {}

  /** How many steps of the last verification passed, failed, did not apply, or could not be checked. */
  public record StepCounts(int passed, int failed, int notApplicable, int notChecked, int notRun) {
    static StepCounts of(VerificationReport report) {
      int[] n = new int[VerificationReport.Status.values().length];
      report.steps().forEach(s -> n[s.status().ordinal()]++);
      return new StepCounts(n[VerificationReport.Status.PASS.ordinal()], n[VerificationReport.Status.FAIL.ordinal()],
          n[VerificationReport.Status.NOT_APPLICABLE.ordinal()], n[VerificationReport.Status.NOT_CHECKED.ordinal()],
          n[VerificationReport.Status.NOT_RUN.ordinal()]);
    }
  }

  private final TallyService service;
  private final Background background;
  private final GuiTexts texts;
  private final StringProperty electionPath = new SimpleStringProperty("");
  private final StringProperty boardPath = new SimpleStringProperty("");
  private final ObjectProperty<BoardSummary> summary = new SimpleObjectProperty<>();
  private final ObjectProperty<StepCounts> stepCounts = new SimpleObjectProperty<>();
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
  private final BooleanProperty verified = new SimpleBooleanProperty(false);
  private final Feedback headline = new Feedback();
  private final Feedback message = new Feedback();
  private Path election;
  private Path board;

  public BoardViewModel(TallyService service, Background background) {
    this(service, background, GuiTexts.forDefaultLocale());
  }

  public BoardViewModel(TallyService service, Background background, GuiTexts texts) {
    this.service = service;
    this.background = background;
    this.texts = texts;
    electionPath.addListener((o, a, b) -> invalidate());
    boardPath.addListener((o, a, b) -> invalidate());
  }

  public StringProperty electionPathProperty() {
    return electionPath;
  }

  public StringProperty boardPathProperty() {
    return boardPath;
  }

  /** Set once the board is imported; null before. */
  public ReadOnlyObjectProperty<BoardSummary> summaryProperty() {
    return summary;
  }

  /** The step counts of the last verification; null before one ran. */
  public ReadOnlyObjectProperty<StepCounts> stepCountsProperty() {
    return stepCounts;
  }

  /** 0..1 while verifying; -1 while the amount of work is unknown. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress;
  }

  public ObservableList<StepRow> steps() {
    return FXCollections.unmodifiableObservableList(steps);
  }

  /** True only when the imported board passed every step. */
  public ReadOnlyBooleanProperty verifiedProperty() {
    return verified;
  }

  /** What must be read before anything else (a board of another election); empty otherwise. */
  public Feedback headline() {
    return headline;
  }

  public Feedback message() {
    return message;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.textProperty();
  }

  /** The election and board that were imported (valid after a successful import). */
  public Path election() {
    return election;
  }

  public Path board() {
    return board;
  }

  /** Reads the election and streams the board once, counting its entries and ballots; compares entry 0's election. */
  public void importBoard() {
    Path e;
    Path b;
    try {
      e = Path.of(electionPath.get().strip());
      b = Path.of(boardPath.get().strip());
    } catch (InvalidPathException ex) {
      message.error(texts.get("board.invalidPath", ex.getInput()));
      return;
    }
    if (electionPath.get().isBlank() || boardPath.get().isBlank()) {
      message.error(texts.get("board.chooseFiles"));
      return;
    }
    headline.clear();
    message.info(texts.get("board.importing"));
    background.start(() -> {
      ElectionConfig config = ElectionChecks.accept(JsonText.readObject(e));
      long[] counts = new long[4];
      String[] boardHash = {null};
      BoardFile.open(b).forEachEntry(json -> {
        BoardEntry entry = BoardJson.decodeEntry(Fields.of(json));
        EntryKind kind = entry.kind();
        if (counts[0] == 0 && kind == EntryKind.ELECTION_PUBLISHED
            && BoardJson.decodePayload(entry) instanceof EntryPayload.ElectionPublished p) {
          boardHash[0] = p.extendedHash().toHex();
        }
        counts[0]++;
        if (kind == EntryKind.BALLOT_CAST) {
          counts[1]++;
        } else if (kind == EntryKind.BALLOT_CHALLENGED) {
          counts[2]++;
        } else if (kind == EntryKind.BALLOT_REFUSED) {
          counts[3]++;
        }
      });
      String fileHash = config.extendedHash().toHex();
      // Said at import, before any verification; the verifier finds the same (VerificationReport.wrongElection).
      Optional<VerificationReport.WrongElection> wrong = boardHash[0] == null || boardHash[0].equals(fileHash)
          ? Optional.empty() : Optional.of(new VerificationReport.WrongElection(fileHash, boardHash[0]));
      return new BoardSummary(config, counts[0], counts[1], counts[2], counts[3], wrong);
    }, s -> {
      election = e;
      board = b;
      summary.set(s);
      if (s.wrongElection().isPresent()) {
        showWrongElection(s.wrongElection().get());
        message.error(texts.get("board.importedWrongElection"));
      } else {
        message.info(texts.get("board.imported", s.entries(), s.cast(), s.challenged()));
      }
    }, error -> message.error(texts.get("board.cannotImport", error)));
  }

  /** Verifies the imported board on all cores, updating the progress. */
  public void verify() {
    BoardSummary s = summary.get();
    if (s == null) {
      message.error(texts.get("board.importFirst"));
      return;
    }
    steps.clear();
    stepCounts.set(null);
    verified.set(false);
    progress.set(0);
    message.info(texts.get("board.verifying"));
    AtomicLong shown = new AtomicLong(-1);
    long total = Math.max(1, s.entries());
    background.start(() -> service.verifyBoard(election, board, n -> {
      long percent = Math.min(100, n * 100 / total);
      if (shown.getAndSet(percent) != percent) {
        background.onUi(() -> progress.set(percent / 100.0));
      }
    }), this::showReport, error -> {
      progress.set(0);
      message.error(texts.get("board.cannotVerify", error));
    });
  }

  private void showReport(VerificationReport report) {
    progress.set(1);
    // The verifier's own finding (crypto, one home for the rule); the import's comparison otherwise.
    Optional<VerificationReport.WrongElection> wrong = report.wrongElection()
        .or(() -> summary.get().wrongElection());
    wrong.ifPresentOrElse(this::showWrongElection, headline::clear);
    for (VerificationReport.StepOutcome o : report.steps()) {
      String detail = o.failures().isEmpty() ? o.note()
          : String.join("; ", o.failures().stream().map(Object::toString).toList());
      steps.add(new StepRow(o.step().id(), texts.get("status." + o.status().name()), o.step().title(), o.checked(),
          detail == null ? "" : detail, o.status()));
    }
    stepCounts.set(StepCounts.of(report));
    verified.set(report.isValid() && wrong.isEmpty());
    message.set(verified.get() ? (report.anchored() ? Feedback.Kind.SUCCESS : Feedback.Kind.WARNING)
        : Feedback.Kind.ERROR, verdict(report, wrong.isPresent()));
  }

  private void showWrongElection(VerificationReport.WrongElection w) {
    headline.error(texts.get("board.wrongElection", shortHash(w.boardElectionHash()),
        shortHash(w.electionFileHash())));
  }

  private static String shortHash(String hex) {
    return hex.length() <= 16 ? hex : hex.substring(0, 16) + "…";
  }

  /**
   * The verdict and, next to it, the trust checks not made (protocol §10.4: a verifier MUST show them; a record
   * verified without an election notice must not be presented as anchored, §12).
   */
  private String verdict(VerificationReport report, boolean wrongElection) {
    StringBuilder b = new StringBuilder();
    if (wrongElection) {
      b.append(texts.get("board.wrongElectionSteps"));
      if (!report.anchored()) {
        b.append('\n').append(texts.get("board.notAnchored"));
      }
    } else if (report.isValid()) {
      b.append(texts.get(report.anchored() ? "board.passed" : "board.passedNotAnchored"));
    } else {
      VerificationReport.StepOutcome f = report.firstFailure().orElseThrow();
      b.append(texts.get("board.failed", f.step().id(), f.step().title()));
      if (!report.anchored()) {
        b.append('\n').append(texts.get("board.notAnchored"));
      }
    }
    if (!report.anchored()) {
      for (VerificationReport.TrustCheck t : report.trustChecksNotMade()) {
        b.append('\n').append(texts.get("board.trustCheck", texts.get("trust." + t.name())));
      }
      b.append('\n').append(texts.get("board.checkWithNotice"));
    }
    return b.toString();
  }

  private void invalidate() {
    summary.set(null);
    stepCounts.set(null);
    verified.set(false);
    steps.clear();
    progress.set(0);
    headline.clear();
  }
}
