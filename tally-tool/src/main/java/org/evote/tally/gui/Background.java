package org.evote.tally.gui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Runs slow work (cryptography, files) off the UI thread and hands the outcome back on it; one job at a time, so a
 * double click never starts a second tally. The UI executor is {@code Platform::runLater} in the app and a direct
 * executor in tests of the view models.
 */
public final class Background {
  /** Work that may fail with a message for officials. */
  @FunctionalInterface
  public interface Job<T> {
    T run() throws Exception;
  }

  private final Executor worker;
  private final Executor ui;
  private final BooleanProperty busy = new SimpleBooleanProperty(false);

  public Background(Executor worker, Executor ui) {
    this.worker = Objects.requireNonNull(worker);
    this.ui = Objects.requireNonNull(ui);
  }

  /** True while a job runs (UI thread view). */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  public boolean isBusy() {
    return busy.get();
  }

  /** Posts {@code action} to the UI thread. */
  public void onUi(Runnable action) {
    ui.execute(action);
  }

  /**
   * Starts {@code job} unless one is running; {@code done} or {@code failed} then runs on the UI thread. Returns
   * false when refused because another job runs. Must be called on the UI thread.
   */
  public <T> boolean start(Job<T> job, Consumer<T> done, Consumer<String> failed) {
    if (busy.get()) {
      return false;
    }
    busy.set(true);
    worker.execute(() -> {
      T value;
      try {
        value = job.run();
      } catch (Exception | OutOfMemoryError e) {
        String message = describe(e);
        ui.execute(() -> {
          busy.set(false);
          failed.accept(message);
        });
        return;
      }
      ui.execute(() -> {
        busy.set(false);
        done.accept(value);
      });
    });
    return true;
  }

  /** A one-line reason for officials: never a stack trace. */
  static String describe(Throwable e) {
    if (e instanceof java.nio.file.NoSuchFileException n) {
      return "file not found: " + n.getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (e instanceof org.evote.crypto.InvalidFieldException) {
      return "invalid file: " + e.getMessage();
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
