package org.evote.tally.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.evote.crypto.record.BoardFile;

/**
 * The checks every command makes on the files it is given before it starts work, so a missing file is one sentence
 * naming the option and the file, and a progress bar is started only once its inputs are known to be there.
 */
final class Inputs {
  private Inputs() {}

  /** {@code file}, given with {@code option}, is an existing regular file. */
  static Path file(String option, Path file) throws InputFileException {
    if (Files.isDirectory(file)) {
      throw new InputFileException(option + ": " + file + " is a directory, not a file");
    }
    if (!Files.isRegularFile(file)) {
      throw new InputFileException(option + ": no such file " + file);
    }
    return file;
  }

  /** {@code dir}, given with {@code option}, is an existing directory holding each of {@code names}. */
  static Path directoryWith(String option, Path dir, String... names) throws InputFileException {
    if (!Files.exists(dir)) {
      throw new InputFileException(option + ": no such directory " + dir);
    }
    if (!Files.isDirectory(dir)) {
      throw new InputFileException(option + ": " + dir + " is a file, not a directory");
    }
    for (String name : names) {
      Path f = dir.resolve(name);
      if (!Files.isRegularFile(f)) {
        throw new InputFileException(option + ": no " + name + " in " + dir + " (expected " + f + ")");
      }
    }
    return dir;
  }

  /**
   * A progress bar over the entries of {@code board}, with their number as its total (counted first, cheaply), on
   * standard error, that clears its line when closed so nothing of it is left before the report or an error.
   */
  static ProgressBar entriesBar(String task, BoardFile board) {
    OptionalLong total = board.countEntries();
    return new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII)
        .setInitialMax(total.orElse(-1)).setUpdateIntervalMillis(500).clearDisplayOnFinish()
        .setConsumer(new ClearingConsumer(System.err)).build();
  }

  /** Draws the bar on one line of standard error; closed, it leaves the cursor at the start of a blank line. */
  private static final class ClearingConsumer extends me.tongfei.progressbar.ConsoleProgressBarConsumer {
    private final java.io.PrintStream err;

    ClearingConsumer(java.io.PrintStream err) {
      super(err, 79);
      this.err = err;
    }

    @Override
    public void close() {
      err.print('\r');
      err.flush();
    }
  }
}
