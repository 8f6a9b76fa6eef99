package org.evote.tally.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.record.RecordFiles;
import org.evote.tally.service.CeremonyService;

/**
 * The guided key ceremony (docs/protocol.md §7) on one machine: the official picks the manifest, n, k and the output
 * folder; then each guardian in turn types a passphrase twice at the keyboard; then the ceremony runs and seals one
 * key file per guardian. Passphrases are held only as char arrays and wiped once the files are sealed.
 */
public final class CeremonyViewModel {
  /** Where the ceremony stands. */
  public enum Step { SETUP, PASSPHRASES, RUNNING, DONE }

  /** The shortest passphrase accepted for a guardian key file. */
  public static final int MIN_PASSPHRASE = 10;

  private final CeremonyService service;
  private final Background background;
  private final StringProperty manifestPath = new SimpleStringProperty("");
  private final StringProperty outDir = new SimpleStringProperty("");
  private final IntegerProperty guardians = new SimpleIntegerProperty(3);
  private final IntegerProperty quorum = new SimpleIntegerProperty(2);
  private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.SETUP);
  private final IntegerProperty currentGuardian = new SimpleIntegerProperty(0);
  private final StringProperty message = new SimpleStringProperty("");
  private final ObjectProperty<Path> electionFile = new SimpleObjectProperty<>();
  private final List<char[]> passphrases = new ArrayList<>();
  private Manifest manifest;
  private Path out;

  public CeremonyViewModel(CeremonyService service, Background background) {
    this.service = service;
    this.background = background;
  }

  public StringProperty manifestPathProperty() {
    return manifestPath;
  }

  public StringProperty outDirProperty() {
    return outDir;
  }

  public IntegerProperty guardiansProperty() {
    return guardians;
  }

  public IntegerProperty quorumProperty() {
    return quorum;
  }

  public ReadOnlyObjectProperty<Step> stepProperty() {
    return step;
  }

  /** The guardian whose passphrase is asked for now (1-based), while in {@link Step#PASSPHRASES}. */
  public ReadOnlyIntegerProperty currentGuardianProperty() {
    return currentGuardian;
  }

  /** The last error or outcome, in words for officials. */
  public ReadOnlyStringProperty messageProperty() {
    return message;
  }

  /** election.json once the ceremony is done. */
  public ReadOnlyObjectProperty<Path> electionFileProperty() {
    return electionFile;
  }

  /** Checks the setup and, if it holds, asks guardian 1 for a passphrase. */
  public void begin() {
    if (step.get() != Step.SETUP) {
      return;
    }
    int n = guardians.get();
    int k = quorum.get();
    if (n < 1 || n > 100 || k < 1 || k > n) {
      message.set("Choose between 1 and 100 guardians and a quorum between 1 and the number of guardians.");
      return;
    }
    Path manifestFile;
    try {
      manifestFile = Path.of(manifestPath.get().strip());
      out = Path.of(outDir.get().strip());
    } catch (InvalidPathException e) {
      message.set("Not a valid path: " + e.getInput());
      return;
    }
    if (manifestPath.get().isBlank() || outDir.get().isBlank()) {
      message.set("Choose the manifest file and the folder for the election files.");
      return;
    }
    if (Files.exists(out.resolve(RecordFiles.ELECTION))) {
      message.set("The folder " + out + " already holds an election.json; choose an empty folder.");
      return;
    }
    try {
      manifest = ManifestJson.decode(JsonText.readObject(manifestFile));
    } catch (InvalidFieldException e) {
      message.set("The manifest is not valid: " + e.getMessage());
      return;
    } catch (IOException e) {
      message.set("Cannot read the manifest: " + Background.describe(e));
      return;
    }
    message.set("");
    currentGuardian.set(1);
    step.set(Step.PASSPHRASES);
  }

  /**
   * The current guardian's passphrase, typed twice. Both arrays are wiped by this call. When the last guardian has
   * entered theirs, the ceremony runs in the background.
   */
  public void enterPassphrase(char[] passphrase, char[] confirmation) {
    try {
      if (step.get() != Step.PASSPHRASES) {
        return;
      }
      if (!Arrays.equals(passphrase, confirmation)) {
        message.set("Guardian " + currentGuardian.get() + ": the two entries differ; type the passphrase again.");
        return;
      }
      if (passphrase.length < MIN_PASSPHRASE) {
        message.set("Guardian " + currentGuardian.get() + ": use at least " + MIN_PASSPHRASE + " characters.");
        return;
      }
      passphrases.add(passphrase.clone());
      message.set("");
      if (passphrases.size() < guardians.get()) {
        currentGuardian.set(passphrases.size() + 1);
        return;
      }
      runCeremony();
    } finally {
      Arrays.fill(passphrase, '\0');
      Arrays.fill(confirmation, '\0');
    }
  }

  /** Abandons the ceremony before it runs, wiping the passphrases entered so far. */
  public void cancel() {
    if (step.get() == Step.PASSPHRASES) {
      wipe();
      step.set(Step.SETUP);
      message.set("Ceremony cancelled; no files were written.");
    }
  }

  private void runCeremony() {
    step.set(Step.RUNNING);
    message.set("Running the key ceremony…");
    List<char[]> secrets = List.copyOf(passphrases);
    background.start(() -> {
      ElectionConfig config = service.run(manifest, guardians.get(), quorum.get(), secrets, out);
      return config;
    }, config -> {
      wipe();
      electionFile.set(out.resolve(RecordFiles.ELECTION));
      step.set(Step.DONE);
      message.set("Ceremony complete: election.json and " + config.guardianCount()
          + " sealed guardian key files are in " + out.toAbsolutePath() + ". Each guardian keeps their own file.");
    }, error -> {
      wipe();
      step.set(Step.SETUP);
      message.set("The ceremony failed: " + error);
    });
  }

  private void wipe() {
    passphrases.forEach(p -> Arrays.fill(p, '\0'));
    passphrases.clear();
    currentGuardian.set(0);
  }
}
