package org.evote.tally.gui;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.evote.tally.service.CeremonyService;
import org.evote.tally.service.PublishService;
import org.evote.tally.service.TallyService;

/** The JavaFX application behind {@code tally-tool gui}: wires the services, view models and view. */
public final class TallyDesktopApp extends Application {
  /** The window's default size. */
  public static final int WIDTH = 1280;
  public static final int HEIGHT = 900;

  private ExecutorService worker;

  /** Builds the view over fresh view models; the worker runs the slow jobs. */
  public static TallyDesktopView create(ExecutorService worker) {
    return create(worker, GuiTexts.forDefaultLocale());
  }

  /** Builds the view in the language of {@code texts}. */
  public static TallyDesktopView create(ExecutorService worker, GuiTexts texts) {
    SecureRandom random = new SecureRandom();
    Background background = new Background(worker, Platform::runLater);
    TallyService tallyService = new TallyService(random, Runtime.getRuntime().availableProcessors());
    CeremonyViewModel ceremony = new CeremonyViewModel(new CeremonyService(random), background, texts);
    BoardViewModel board = new BoardViewModel(tallyService, background, texts);
    TallyViewModel tally = new TallyViewModel(tallyService, background, board, texts);
    PublishViewModel publish = new PublishViewModel(new PublishService(random), background, texts,
        Duration.ofSeconds(120));
    return new TallyDesktopView(ceremony, board, tally, publish, background, texts);
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
    GuiTexts texts = GuiTexts.forDefaultLocale();
    stage.setTitle(texts.get("app.windowTitle"));
    stage.setScene(new Scene(create(worker, texts).root(), WIDTH, HEIGHT));
    stage.show();
  }

  @Override
  public void stop() {
    if (worker != null) {
      worker.shutdownNow();
    }
  }
}
