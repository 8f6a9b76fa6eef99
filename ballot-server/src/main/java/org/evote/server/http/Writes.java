package org.evote.server.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.evote.server.board.Refusal;

/** Waits for a write to be durable, turning a refusal back into the exception the error mapper answers. */
final class Writes {
  private static final long TIMEOUT_SECONDS = 60;

  private Writes() {}

  static <T> T await(CompletableFuture<T> f) throws InterruptedException, ExecutionException {
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Refusal r) {
        throw r;
      }
      throw e;
    } catch (TimeoutException e) {
      throw new Refusal(Refusal.Unavailable.BOARD_BUSY, "the board did not store this in time; retry the same "
          + "request");
    }
  }
}
