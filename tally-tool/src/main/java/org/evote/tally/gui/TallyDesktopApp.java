package org.evote.tally.gui;

import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.evote.tally.service.CeremonyService;
import org.evote.tally.service.TallyService;

/** The JavaFX application behind {@code tally-tool gui}: wires the services, view models and view. */
public final class TallyDesktopApp extends Application {
  private ExecutorService worker;

  /** Builds the view over fresh view models; the worker runs the slow jobs. */
  public static TallyDesktopView create(ExecutorService worker) {
    SecureRandom random = new SecureRandom();
    Background background = new Background(worker, Platform::runLater);
    TallyService tallyService = new TallyService(random, Runtime.getRuntime().availableProcessors());
    CeremonyViewModel ceremony = new CeremonyViewModel(new CeremonyService(random), background);
    BoardViewModel board = new BoardViewModel(tallyService, background);
    TallyViewModel tally = new TallyViewModel(tallyService, background, board);
    return new TallyDesktopView(ceremony, board, tally, background);
  }

  /** A single daemon worker thread, so closing the window ends the program. */
  public static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "tally-worker");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void start(Stage stage) {
    worker = newWorker();
    stage.setTitle("evote tally tool");
    stage.setScene(new Scene(create(worker).root(), 1280, 900));
    stage.show();
  }

  @Override
  public void stop() {
    if (worker != null) {
      worker.shutdownNow();
    }
  }
}
