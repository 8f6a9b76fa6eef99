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
  private final StringProperty message = new SimpleStringProperty("");
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final ObjectProperty<ResultViewModel> result = new SimpleObjectProperty<>();
  private final TreeMap<Integer, GuardianKey> keys = new TreeMap<>();
  private final BooleanBinding canTally;

  public TallyViewModel(TallyService service, Background background, BoardViewModel boardModel) {
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
    return s == null ? "Import and verify a board first."
        : "Any " + s.config().quorum() + " of the " + s.config().guardianCount() + " guardians are needed; "
            + present.size() + " present.";
  }

  /** A guardian opens their key file with their passphrase (wiped by this call). */
  public void addGuardian(char[] passphrase) {
    BoardViewModel.BoardSummary s = boardModel.summaryProperty().get();
    if (s == null) {
      Arrays.fill(passphrase, '\0');
      message.set("Import and verify the board before guardians open their keys.");
      return;
    }
    Path file;
    try {
      file = Path.of(keyFilePath.get().strip());
    } catch (InvalidPathException e) {
      Arrays.fill(passphrase, '\0');
      message.set("Not a valid path: " + e.getInput());
      return;
    }
    char[] secret = passphrase.clone();
    Arrays.fill(passphrase, '\0');
    message.set("Opening the key file…");
    boolean started = background.start(() -> {
      try {
        GuardianKeyFile.Public pub = GuardianKeyFile.readPublic(file);
        if (!pub.extendedHash().equals(s.config().extendedHash())) {
          throw new IllegalArgumentException(file.getFileName() + " belongs to another election");
        }
        try {
          return GuardianKeyFile.open(file, secret);
        } catch (EncryptedKeyFile.WrongPassphraseException e) {
          throw new IllegalArgumentException("guardian " + pub.guardian() + ": wrong passphrase");
        }
      } finally {
        Arrays.fill(secret, '\0');
      }
    }, key -> {
      if (keys.putIfAbsent(key.index(), key) != null) {
        message.set("Guardian " + key.index() + " is already present.");
        return;
      }
      present.setAll(keys.keySet().stream().map(i -> "Guardian " + i).toList());
      keyFilePath.set("");
      message.set("Guardian " + key.index() + " is present. " + quorumText());
    }, error -> message.set("Key not opened: " + error));
    if (!started) {
      Arrays.fill(secret, '\0');
    }
  }

  /** Tallies the verified board with the open keys and writes the record to the chosen folder. */
  public void tally() {
    if (!canTally.get()) {
      message.set(quorumText());
      return;
    }
    Path out;
    try {
      out = Path.of(outDir.get().strip());
    } catch (InvalidPathException e) {
      message.set("Not a valid path: " + e.getInput());
      return;
    }
    if (outDir.get().isBlank()) {
      message.set("Choose the folder for the election record.");
      return;
    }
    if (Files.exists(out.resolve("result.json"))) {
      message.set("The folder " + out + " already holds a result; choose an empty folder.");
      return;
    }
    BoardViewModel.BoardSummary s = boardModel.summaryProperty().get();
    List<GuardianKey> open = List.copyOf(keys.values());
    long total = Math.max(1, s.entries());
    progress.set(0);
    message.set("Verifying the board again, adding the cast ballots and decrypting with guardians "
        + keys.keySet() + "…");
    long[] seen = {0};
    background.start(() -> {
      TallyService.Outcome outcome = service.tally(election(), boardModel.board(), open, out, n -> {
        long p = Math.min(99, n * 100 / total);
        if (p != seen[0]) {
          seen[0] = p;
          background.onUi(() -> progress.set(p / 100.0));
        }
      });
      ResultReport report = new ResultReport(s.config().manifest(), outcome.result());
      report.write(out);
      return outcome;
    }, outcome -> {
      progress.set(1);
      forgetKeys();
      result.set(new ResultViewModel(s.config().manifest(), outcome, background));
      message.set(outcome.report().isValid()
          ? "Tally complete; the record in " + out.toAbsolutePath() + " verifies."
          : "The tally was written but its record does NOT verify: "
              + outcome.report().firstFailure().map(f -> f.step().id()).orElse(""));
    }, error -> {
      progress.set(0);
      message.set("The tally failed: " + error);
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
