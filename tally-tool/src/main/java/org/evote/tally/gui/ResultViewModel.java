package org.evote.tally.gui;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.count.WriteInCount;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.verify.VerificationReport;
import org.evote.tally.service.TallyService;

/**
 * The decrypted result per contest, for the charts, and the export of the election record as one zip file for
 * publication (the folder's files, unchanged, so observers re-verify exactly what was tallied).
 */
public final class ResultViewModel {
  /** One selection's votes. */
  public record Bar(String selectionId, String name, long votes) {}

  /** One contest's bars, in manifest order. */
  public record ContestResult(String contestId, String name, List<Bar> bars) {}

  private final List<ContestResult> contests;
  private final List<CountViews.RankedView> ranked;
  private final List<CountViews.WriteInView> writeIns;
  private final long cast;
  private final long challenged;
  private final Path record;
  private final VerificationReport report;
  private final Background background;
  private final StringProperty exportPath = new SimpleStringProperty("");
  private final Feedback message = new Feedback();
  private final GuiTexts texts;

  /**
   * The result of {@code outcome}, with its mixed contests' counts ({@link TallyService.Outcome#ranked()} and
   * {@link TallyService.Outcome#writeIns()}): a ranked contest is shown by its rounds, not by homomorphic counts.
   */
  ResultViewModel(Manifest manifest, TallyService.Outcome outcome, Background background, GuiTexts texts) {
    this(manifest, outcome, outcome.ranked(), outcome.writeIns(), background, texts);
  }

  /** The result of {@code outcome} with these ranked results and write-in lists. */
  ResultViewModel(Manifest manifest, TallyService.Outcome outcome, List<RankedResult> rankedResults,
      List<WriteInCount> writeInCounts, Background background, GuiTexts texts) {
    this.texts = texts;
    DisplayNames names = new DisplayNames(manifest);
    GuiWords words = new GuiWords(texts);
    String language = texts.language();
    this.contests = manifest.contests().stream().filter(c -> !c.isRanked())
        .map(c -> contest(names, words, language, outcome, c)).toList();
    CountViews views = new CountViews(manifest, names, texts);
    this.ranked = views.ranked(rankedResults);
    this.writeIns = views.writeIns(writeInCounts);
    this.cast = outcome.result().castBallots();
    this.challenged = outcome.result().challengedBallots();
    this.record = outcome.record();
    this.report = outcome.report();
    this.background = background;
    exportPath.set(record.toAbsolutePath().normalize() + ".zip");
  }

  /** Names by the one display-name rule (protocol §5.1), in the official's language: never an id. */
  private static ContestResult contest(DisplayNames names, GuiWords words, String language,
      TallyService.Outcome outcome, ContestDescription c) {
    List<Bar> bars = c.selections().stream().map((SelectionDescription s) -> new Bar(s.id(),
        names.selection(c.id(), s.id(), language).render(words),
        outcome.result().count(c.id(), s.id()).orElse(0L))).toList();
    return new ContestResult(c.id(), names.contest(c.id(), language).render(words), bars);
  }

  /** The homomorphically counted contests (not ranked), one chart each. */
  public List<ContestResult> contests() {
    return contests;
  }

  /** The ranked contests: their rounds (a chart each) and winners (§13.6). */
  public List<CountViews.RankedView> ranked() {
    return ranked;
  }

  /** The write-in lines' names with their counts, for adjudication (§13.7). */
  public List<CountViews.WriteInView> writeIns() {
    return writeIns;
  }

  public long cast() {
    return cast;
  }

  public long challenged() {
    return challenged;
  }

  public Path record() {
    return record;
  }

  /** The verification of the written record, tally steps included. */
  public VerificationReport report() {
    return report;
  }

  public StringProperty exportPathProperty() {
    return exportPath;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.textProperty();
  }

  public Feedback message() {
    return message;
  }

  /** Writes the record folder as a zip at the chosen path (atomically: a partial zip is never left behind). */
  public void export() {
    Path zip;
    try {
      zip = Path.of(exportPath.get().strip());
    } catch (InvalidPathException e) {
      message.error(texts.get("path.invalid", e.getInput()));
      return;
    }
    if (exportPath.get().isBlank()) {
      message.error(texts.get("result.chooseZip"));
      return;
    }
    message.info(texts.get("result.exporting"));
    background.start(() -> {
      Path dir = zip.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".record", ".zip.part");
      try {
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out)) {
          zipFolder(z);
        }
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return zip;
    }, z -> message.success(texts.get("result.exported", z.toAbsolutePath())),
        error -> message.error(texts.get("result.exportFailed", error)));
  }

  private void zipFolder(ZipOutputStream z) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(record)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      z.putNextEntry(new ZipEntry(record.relativize(f).toString().replace('\\', '/')));
      Files.copy(f, z);
      z.closeEntry();
    }
  }
}
