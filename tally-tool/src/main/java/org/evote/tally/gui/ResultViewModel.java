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
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.verify.VerificationReport;
import org.evote.tally.report.ResultReport;
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
  private final long cast;
  private final long challenged;
  private final Path record;
  private final VerificationReport report;
  private final Background background;
  private final StringProperty exportPath = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");

  ResultViewModel(Manifest manifest, TallyService.Outcome outcome, Background background) {
    ResultReport names = new ResultReport(manifest, outcome.result());
    this.contests = manifest.contests().stream().map(c -> contest(names, c)).toList();
    this.cast = outcome.result().castBallots();
    this.challenged = outcome.result().challengedBallots();
    this.record = outcome.record();
    this.report = outcome.report();
    this.background = background;
    exportPath.set(record.toAbsolutePath().normalize() + ".zip");
  }

  private static ContestResult contest(ResultReport names, ContestDescription c) {
    List<Bar> bars = c.selections().stream().map((SelectionDescription s) -> new Bar(s.id(), names.selectionName(s),
        names.count(c, s))).toList();
    return new ContestResult(c.id(), names.contestName(c), bars);
  }

  public List<ContestResult> contests() {
    return contests;
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
    return message;
  }

  /** Writes the record folder as a zip at the chosen path (atomically: a partial zip is never left behind). */
  public void export() {
    Path zip;
    try {
      zip = Path.of(exportPath.get().strip());
    } catch (InvalidPathException e) {
      message.set("Not a valid path: " + e.getInput());
      return;
    }
    if (exportPath.get().isBlank()) {
      message.set("Choose where to write the zip file.");
      return;
    }
    message.set("Exporting…");
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
    }, z -> message.set("Election record exported to " + z.toAbsolutePath()),
        error -> message.set("Export failed: " + error));
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
