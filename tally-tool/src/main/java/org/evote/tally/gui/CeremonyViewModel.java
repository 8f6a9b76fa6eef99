package org.evote.tally.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.record.RecordFiles;
import org.evote.tally.service.CeremonyService;
import org.evote.tally.service.ManifestReview;

/**
 * The guided key ceremony (docs/protocol.md §7) on one machine: the official picks the manifest, n, k and the output
 * folder; the manifest's warnings (selections without a name, languages with untranslated text: §5.1) are listed
 * and the official confirms or refuses the manifest before anything is written; then each guardian in turn types a
 * passphrase twice at the keyboard; then the ceremony runs and seals one key file per guardian, and the election
 * hash that kiosks are set up with is shown. Passphrases are held only as char arrays and wiped once the files are
 * sealed.
 */
public final class CeremonyViewModel {
  /** Where the ceremony stands. */
  public enum Step { SETUP, CONFIRM_MANIFEST, PASSPHRASES, RUNNING, DONE }

  /** The shortest passphrase accepted for a guardian key file. */
  public static final int MIN_PASSPHRASE = 10;

  private final CeremonyService service;
  private boolean manifestConfirmed;
  private final Background background;
  private final GuiTexts texts;
  private final GuiWords words;
  private final StringProperty manifestPath = new SimpleStringProperty("");
  private final StringProperty outDir = new SimpleStringProperty("");
  private final IntegerProperty guardians = new SimpleIntegerProperty(3);
  private final IntegerProperty quorum = new SimpleIntegerProperty(2);
  private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.SETUP);
  private final IntegerProperty currentGuardian = new SimpleIntegerProperty(0);
  private final Feedback message = new Feedback();
  private final ObservableList<String> warnings = FXCollections.observableArrayList();
  private final ObjectProperty<Path> electionFile = new SimpleObjectProperty<>();
  private final StringProperty electionHash = new SimpleStringProperty("");
  private final List<char[]> passphrases = new ArrayList<>();
  private Manifest manifest;
  private Path out;

  public CeremonyViewModel(CeremonyService service, Background background) {
    this(service, background, GuiTexts.forDefaultLocale());
  }

  public CeremonyViewModel(CeremonyService service, Background background, GuiTexts texts) {
    this.service = service;
    this.background = background;
    this.texts = texts;
    this.words = new GuiWords(texts);
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
  public Feedback message() {
    return message;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.textProperty();
  }

  /** The manifest's warnings the official confirms or refuses, one line each (while {@link Step#CONFIRM_MANIFEST}). */
  public ObservableList<String> manifestWarnings() {
    return FXCollections.unmodifiableObservableList(warnings);
  }

  /** election.json once the ceremony is done. */
  public ReadOnlyObjectProperty<Path> electionFileProperty() {
    return electionFile;
  }

  /** The election's extended hash H_E in hex once the ceremony is done: what each kiosk is set up with. */
  public ReadOnlyStringProperty electionHashProperty() {
    return electionHash;
  }

  /** The guardian prompt, in the official's language. */
  public String guardianPrompt() {
    return texts.get("ceremony.guardianPrompt", currentGuardian.get(), guardians.get(), MIN_PASSPHRASE);
  }

  /** Checks the setup and the manifest; asks to confirm its warnings, if it has any, else guardian 1's passphrase. */
  public void begin() {
    if (step.get() != Step.SETUP) {
      return;
    }
    int n = guardians.get();
    int k = quorum.get();
    if (n < 1 || n > 100 || k < 1 || k > n) {
      message.error(texts.get("ceremony.badQuorum"));
      return;
    }
    Path manifestFile;
    try {
      manifestFile = Path.of(manifestPath.get().strip());
      out = Path.of(outDir.get().strip());
    } catch (InvalidPathException e) {
      message.error(texts.get("path.invalid", e.getInput()));
      return;
    }
    if (manifestPath.get().isBlank() || outDir.get().isBlank()) {
      message.error(texts.get("ceremony.chooseFiles"));
      return;
    }
    if (Files.exists(out.resolve(RecordFiles.ELECTION))) {
      message.error(texts.get("ceremony.folderHoldsElection", out));
      return;
    }
    try {
      manifest = ManifestJson.decode(JsonText.readObject(manifestFile));
    } catch (InvalidFieldException e) {
      message.error(texts.get("ceremony.manifestInvalid", e.getMessage()));
      return;
    } catch (IOException e) {
      message.error(texts.get("ceremony.manifestUnreadable", Background.describe(e)));
      return;
    }
    manifestConfirmed = false;
    warnings.setAll(warningsOf(manifest));
    if (!warnings.isEmpty()) {
      message.warning(texts.get("ceremony.confirmManifest", warnings.size()));
      step.set(Step.CONFIRM_MANIFEST);
      return;
    }
    askFirstGuardian();
  }

  /** The official confirms the manifest with its warnings: the guardians come next. */
  public void acceptManifest() {
    if (step.get() == Step.CONFIRM_MANIFEST) {
      manifestConfirmed = true;
      askFirstGuardian();
    }
  }

  /** The official refuses the manifest: back to the setup, nothing written. */
  public void refuseManifest() {
    if (step.get() == Step.CONFIRM_MANIFEST) {
      manifest = null;
      manifestConfirmed = false;
      warnings.clear();
      step.set(Step.SETUP);
      message.info(texts.get("ceremony.manifestRefused"));
    }
  }

  /** The manifest's warnings (the rule of {@link ManifestReview}) in the official's words. */
  private List<String> warningsOf(Manifest m) {
    ManifestReview review = ManifestReview.of(m);
    List<String> out = new ArrayList<>();
    for (DisplayNames.UnnamedSelection u : review.unnamed()) {
      out.add(texts.get("ceremony.warning.unnamed", u.contestTitle(), u.position(), u.candidateId(),
          words.unnamed(u.position())));
    }
    for (Map.Entry<String, Integer> e : review.untranslated().entrySet()) {
      String name = words.languageName(e.getKey());
      String atStart = name.substring(0, 1).toUpperCase(texts.locale()) + name.substring(1);
      out.add(texts.get("ceremony.warning.untranslated", name, e.getValue(), words.languageName(
          review.firstLanguage()), atStart));
    }
    return out;
  }

  private void askFirstGuardian() {
    message.clear();
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
        message.error(texts.get("ceremony.passphrasesDiffer", currentGuardian.get()));
        return;
      }
      if (passphrase.length < MIN_PASSPHRASE) {
        message.error(texts.get("ceremony.passphraseShort", currentGuardian.get(), MIN_PASSPHRASE));
        return;
      }
      passphrases.add(passphrase.clone());
      message.clear();
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
      message.info(texts.get("ceremony.cancelled"));
    }
  }

  private void runCeremony() {
    step.set(Step.RUNNING);
    message.info(texts.get("ceremony.running"));
    List<char[]> secrets = List.copyOf(passphrases);
    boolean confirmed = manifestConfirmed;
    background.start(() -> service.run(manifest, guardians.get(), quorum.get(), secrets, out, confirmed), (ElectionConfig c) -> {
      wipe();
      electionFile.set(out.resolve(RecordFiles.ELECTION));
      electionHash.set(c.extendedHash().toHex());
      step.set(Step.DONE);
      message.success(texts.get("ceremony.done", c.guardianCount(), out.toAbsolutePath()));
    }, error -> {
      wipe();
      step.set(Step.SETUP);
      message.error(texts.get("ceremony.failed", error));
    });
  }

  private void wipe() {
    passphrases.forEach(p -> Arrays.fill(p, '\0'));
    passphrases.clear();
    currentGuardian.set(0);
  }
}
