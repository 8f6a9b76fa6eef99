package org.evote.tally.gui;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.verify.VerificationReport;
import org.evote.tally.service.TallyService;

/**
 * Import a board file for an election and verify it: every numbered step of docs/protocol.md §10.4 up to the
 * tally, with progress, and a table of steps with counts and the first failing ids.
 */
public final class BoardViewModel {
  /** One row of the verification table. */
  public record StepRow(String id, String status, String title, long checked, String detail) {}

  /** What the import found on the board. */
  public record BoardSummary(ElectionConfig config, long entries, long cast, long challenged) {}

  private final TallyService service;
  private final Background background;
  private final GuiTexts texts;
  private final StringProperty electionPath = new SimpleStringProperty("");
  private final StringProperty boardPath = new SimpleStringProperty("");
  private final ObjectProperty<BoardSummary> summary = new SimpleObjectProperty<>();
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
  private final BooleanProperty verified = new SimpleBooleanProperty(false);
  private final StringProperty message = new SimpleStringProperty("");
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

  public ReadOnlyStringProperty messageProperty() {
    return message;
  }

  /** The election and board that were imported (valid after a successful import). */
  public Path election() {
    return election;
  }

  public Path board() {
    return board;
  }

  /** Reads the election and streams the board once, counting its entries and ballots. */
  public void importBoard() {
    Path e;
    Path b;
    try {
      e = Path.of(electionPath.get().strip());
      b = Path.of(boardPath.get().strip());
    } catch (InvalidPathException ex) {
      message.set(texts.get("board.invalidPath", ex.getInput()));
      return;
    }
    if (electionPath.get().isBlank() || boardPath.get().isBlank()) {
      message.set(texts.get("board.chooseFiles"));
      return;
    }
    message.set(texts.get("board.importing"));
    background.start(() -> {
      ElectionConfig config = ElectionChecks.accept(JsonText.readObject(e));
      long[] counts = new long[3];
      BoardFile.open(b).forEachEntry(json -> {
        EntryKind kind = BoardJson.decodeEntry(Fields.of(json)).kind();
        counts[0]++;
        if (kind == EntryKind.BALLOT_CAST) {
          counts[1]++;
        } else if (kind == EntryKind.BALLOT_CHALLENGED) {
          counts[2]++;
        }
      });
      return new BoardSummary(config, counts[0], counts[1], counts[2]);
    }, s -> {
      election = e;
      board = b;
      summary.set(s);
      message.set(texts.get("board.imported", s.entries(), s.cast(), s.challenged()));
    }, error -> message.set(texts.get("board.cannotImport", error)));
  }

  /** Verifies the imported board on all cores, updating the progress. */
  public void verify() {
    BoardSummary s = summary.get();
    if (s == null) {
      message.set(texts.get("board.importFirst"));
      return;
    }
    steps.clear();
    verified.set(false);
    progress.set(0);
    message.set(texts.get("board.verifying"));
    AtomicLong shown = new AtomicLong(-1);
    long total = Math.max(1, s.entries());
    background.start(() -> service.verifyBoard(election, board, n -> {
      long percent = Math.min(100, n * 100 / total);
      if (shown.getAndSet(percent) != percent) {
        background.onUi(() -> progress.set(percent / 100.0));
      }
    }), this::showReport, error -> {
      progress.set(0);
      message.set(texts.get("board.cannotVerify", error));
    });
  }

  private void showReport(VerificationReport report) {
    progress.set(1);
    for (VerificationReport.StepOutcome o : report.steps()) {
      String detail = o.failures().isEmpty() ? o.note()
          : String.join("; ", o.failures().stream().map(Object::toString).toList());
      steps.add(new StepRow(o.step().id(), texts.get("status." + o.status().name()), o.step().title(), o.checked(),
          detail == null ? "" : detail));
    }
    verified.set(report.isValid());
    message.set(verdict(report));
  }

  /**
   * The verdict and, next to it, the trust checks not made (protocol §10.4: a verifier MUST show them; a record
   * verified without an election notice must not be presented as anchored, §12).
   */
  private String verdict(VerificationReport report) {
    StringBuilder b = new StringBuilder();
    if (report.isValid()) {
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
    verified.set(false);
    steps.clear();
    progress.set(0);
  }
}
