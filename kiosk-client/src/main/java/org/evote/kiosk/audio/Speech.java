package org.evote.kiosk.audio;

import java.nio.file.Path;

/**
 * A text-to-speech engine behind which the kiosk's audio mode speaks (espeak-ng today: {@link EspeakSpeech}); any
 * engine that turns an {@link Utterance} into a WAV can replace it.
 */
public interface Speech extends AutoCloseable {

  /** How a {@link #speak} ended. */
  enum Playback {
    /** Played to the end on the headphones. */
    PLAYED,
    /** Cut short by {@link #stop()}. */
    STOPPED,
    /** No audio output exists (a CI machine): synthesized, nothing played. */
    NO_DEVICE
  }

  /** Synthesizes and plays {@code u} on the headphones; blocks until played, stopped or found unplayable. */
  Playback speak(Utterance u) throws SpeechException;

  /** The WAV (RIFF, PCM) of {@code u}. */
  byte[] synthesize(Utterance u) throws SpeechException;

  /** Writes the WAV of {@code u} to {@code wav} (replacing it) and returns the path. */
  Path synthesize(Utterance u, Path wav) throws SpeechException;

  /** Stops what is being said now (from any thread); later calls speak again. */
  void stop();

  @Override
  default void close() {
    stop();
  }
}
