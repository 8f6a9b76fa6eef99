package org.evote.kiosk.audio;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says things one after another on its own thread, so the screens never wait for speech. Whatever is said next
 * interrupts what is being said (a voter who presses a key does not wait for the end of a sentence).
 */
final class Narrator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Narrator.class);
  private final Speech speech;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "kiosk-speech");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong generation = new AtomicLong();
  private final AtomicInteger pending = new AtomicInteger();
  private volatile boolean unheard;

  Narrator(Speech speech) {
    this.speech = speech;
  }

  /** Stops what is being said and says {@code utterances}, in order. */
  void say(List<Utterance> utterances) {
    long g = generation.incrementAndGet();
    speech.stop();
    pending.incrementAndGet();
    thread.execute(() -> {
      try {
        for (Utterance u : utterances) {
          if (generation.get() != g) {
            return;
          }
          if (speech.speak(u) == Speech.Playback.NO_DEVICE) {
            unheard = true;
          }
        }
      } catch (SpeechException e) {
        unheard = true;
        LOG.error("the audio mode cannot speak ({}): {}", e.reason(), e.getMessage());
      } catch (RuntimeException e) {
        unheard = true;
        LOG.error("the audio mode cannot speak", e);
      } finally {
        pending.decrementAndGet();
      }
    });
  }

  /**
   * Whether something could not be heard since the last call (no sound output, or the engine failed): the voter in
   * headphones heard nothing. Reading it clears it.
   */
  boolean takeUnheard() {
    boolean was = unheard;
    unheard = false;
    return was;
  }

  /** Whether nothing is being said or waits to be said. */
  boolean idle() {
    return pending.get() == 0;
  }

  @Override
  public void close() {
    generation.incrementAndGet();
    speech.stop();
    thread.shutdownNow();
    try {
      thread.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
