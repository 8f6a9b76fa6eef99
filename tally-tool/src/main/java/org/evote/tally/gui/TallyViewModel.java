package org.evote.tally.gui;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.keystore.GuardianKeyFile;
import org.evote.tally.report.ResultReport;
import org.evote.tally.service.TallyService;

/**
 * The tally (docs/protocol.md §9): present guardians come to the machine in turn, each choosing their key file and
 * typing their passphrase; once at least k keys are open the official tallies the verified board, which writes the
 * complete election record and the human-readable result. Opened keys are dropped once the tally is written.
 */
public final class TallyViewModel {
  private final TallyService service;
  private final Background background;
  private final BoardViewModel boardModel;
  private final StringProperty keyFilePath = new SimpleStringProperty("");
  private final StringProperty outDir = new SimpleStringProperty("");
  private final ObservableList<String> present = FXCollections.observableArrayList();
  private final Feedback message = new Feedback();
  private final GuiTexts texts;
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final ObjectProperty<ResultViewModel> result = new SimpleObjectProperty<>();
  private final TreeMap<Integer, GuardianKey> keys = new TreeMap<>();
  private final BooleanBinding canTally;

  public TallyViewModel(TallyService service, Background background, BoardViewModel boardModel) {
    this(service, background, boardModel, GuiTexts.forDefaultLocale());
  }

  public TallyViewModel(TallyService service, Background background, BoardViewModel boardModel, GuiTexts texts) {
    this.texts = texts;
    this.service = service;
    this.background = background;
    this.boardModel = boardModel;
    canTally = Bindings.createBooleanBinding(() -> boardModel.verifiedProperty().get()
        && boardModel.summaryProperty().get() != null
        && present.size() >= boardModel.summaryProperty().get().config().quorum()
        && !background.isBusy(), boardModel.verifiedProperty(), boardModel.summaryProperty(), present,
        background.busyProperty());
    boardModel.summaryProperty().addListener((o, a, b) -> forgetKeys());
  }

  public StringProperty keyFilePathProperty() {
    return keyFilePath;
  }

  public StringProperty outDirProperty() {
    return outDir;
  }

  /** "Guardian ℓ" for each guardian whose key is open, in order. */
  public ObservableList<String> present() {
    return FXCollections.unmodifiableObservableList(present);
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.textProperty();
  }

  public Feedback message() {
    return message;
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress;
  }

  /** True when the board verified and at least k guardians' keys are open. */
  public BooleanBinding canTallyProperty() {
    return canTally;
  }

  /** The result once tallied. */
  public ReadOnlyObjectProperty<ResultViewModel> resultProperty() {
    return result;
  }

  /** "k of n guardians needed; m present". */
  public String quorumText() {
    BoardViewModel.BoardSummary s = boardModel.summaryProperty().get();
    return s == null ? texts.get("tally.importFirst")
        : texts.get("tally.quorum", s.config().quorum(), s.config().guardianCount(), present.size());
  }

  /** A guardian opens their key file with their passphrase (wiped by this call). */
  public void addGuardian(char[] passphrase) {
    BoardViewModel.BoardSummary s = boardModel.summaryProperty().get();
    if (s == null) {
      Arrays.fill(passphrase, '\0');
      message.error(texts.get("tally.boardFirst"));
      return;
    }
    Path file;
    try {
      file = Path.of(keyFilePath.get().strip());
    } catch (InvalidPathException e) {
      Arrays.fill(passphrase, '\0');
      message.error(texts.get("path.invalid", e.getInput()));
      return;
    }
    char[] secret = passphrase.clone();
    Arrays.fill(passphrase, '\0');
    message.info(texts.get("tally.opening"));
    boolean started = background.start(() -> {
      try {
        GuardianKeyFile.Public pub = GuardianKeyFile.readPublic(file);
        if (!pub.extendedHash().equals(s.config().extendedHash())) {
          throw new IllegalArgumentException(texts.get("tally.keyOfAnotherElection", file.getFileName()));
        }
        try {
          return GuardianKeyFile.open(file, secret);
        } catch (EncryptedKeyFile.WrongPassphraseException e) {
          throw new IllegalArgumentException(texts.get("tally.wrongPassphrase", pub.guardian()));
        }
      } finally {
        Arrays.fill(secret, '\0');
      }
    }, key -> {
      if (keys.putIfAbsent(key.index(), key) != null) {
        message.warning(texts.get("tally.alreadyPresent", key.index()));
        return;
      }
      present.setAll(keys.keySet().stream().map(i -> texts.get("tally.guardian", i)).toList());
      keyFilePath.set("");
      message.success(texts.get("tally.present", key.index(), quorumText()));
    }, error -> message.error(texts.get("tally.keyNotOpened", error)));
    if (!started) {
      Arrays.fill(secret, '\0');
    }
  }

  /** Tallies the verified board with the open keys and writes the record to the chosen folder. */
  public void tally() {
    if (!canTally.get()) {
      message.error(quorumText());
      return;
    }
    Path out;
    try {
      out = Path.of(outDir.get().strip());
    } catch (InvalidPathException e) {
      message.error(texts.get("path.invalid", e.getInput()));
      return;
    }
    if (outDir.get().isBlank()) {
      message.error(texts.get("tally.chooseFolder"));
      return;
    }
    if (Files.exists(out.resolve("result.json"))) {
      message.error(texts.get("tally.folderHoldsResult", out));
      return;
    }
    BoardViewModel.BoardSummary s = boardModel.summaryProperty().get();
    List<GuardianKey> open = List.copyOf(keys.values());
    long total = Math.max(1, s.entries());
    progress.set(0);
    List<Path> mixes;
    try {
      mixes = TallyService.mixesBeside(boardModel.board());
    } catch (java.io.IOException e) {
      message.error(texts.get("tally.mixesUnreadable", e.getMessage()));
      return;
    }
    message.info(mixes.isEmpty() ? texts.get("tally.running", keys.keySet().toString())
        : texts.get("tally.runningWithMixes", keys.keySet().toString(), mixes.size()));
    long[] seen = {0};
    background.start(() -> {
      TallyService.Outcome outcome = service.tally(election(), boardModel.board(),
          org.evote.crypto.record.RecordFiles.checkpointBeside(boardModel.board()), open, mixes, out, n -> {
        long p = Math.min(99, n * 100 / total);
        if (p != seen[0]) {
          seen[0] = p;
          background.onUi(() -> progress.set(p / 100.0));
        }
      });
      ResultReport report = new ResultReport(s.config().manifest(), outcome.result(), outcome.ranked(),
          outcome.writeIns());
      report.write(out);
      return outcome;
    }, outcome -> {
      progress.set(1);
      forgetKeys();
      result.set(new ResultViewModel(s.config().manifest(), outcome, background, texts));
      if (outcome.report().isValid()) {
        message.success(texts.get("tally.done", out.toAbsolutePath()));
      } else {
        message.error(texts.get("tally.doneNotVerified",
            outcome.report().firstFailure().map(f -> f.step().id()).orElse("")));
      }
    }, error -> {
      progress.set(0);
      message.error(texts.get("tally.failed", error));
    });
  }

  private Path election() {
    return boardModel.election();
  }

  private void forgetKeys() {
    keys.clear();
    present.clear();
  }
}
