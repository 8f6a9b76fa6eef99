package org.evote.tally.cli;

import java.util.concurrent.Callable;
import javafx.application.Application;
import org.evote.tally.gui.TallyDesktopApp;
import picocli.CommandLine.Command;

/** Opens the officials' desktop app. */
@Command(name = "gui", mixinStandardHelpOptions = true,
    description = "Open the desktop app: guided key ceremony, board import and verification, tally, result charts.")
public final class GuiCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    Application.launch(TallyDesktopApp.class);
    return 0;
  }
}
