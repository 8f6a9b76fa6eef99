package org.evote.kiosk.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The real speech engine, with every utterance it is asked to speak recorded and also saved as a WAV (numbered,
 * with an index {@code prompts.txt}) for the test to check and a person to listen to. The WAVs come from a second
 * engine that the kiosk never stops, so a prompt cut short by the next one (the flow moved on) is saved whole.
 * A test machine has no sound card: with {@code headphones} the saved WAV stands for the headphones (a prompt the
 * real engine could not play counts as played); without, every prompt is unplayable (NO_DEVICE), as on a kiosk whose
 * headphones are gone.
 */
final class RecordingSpeech implements Speech {
  /** One spoken prompt and its WAV. */
  record Spoken(Utterance utterance, Path wav) {
    String text() {
      return utterance.text();
    }
  }

  private final Speech real;
  private final Speech recorder;
  private final Path dir;
  private final List<Spoken> spoken = new ArrayList<>();
  private final boolean headphones;

  RecordingSpeech(Speech real, Speech recorder, Path dir) throws IOException {
    this(real, recorder, dir, true);
  }

  RecordingSpeech(Speech real, Speech recorder, Path dir, boolean headphones) throws IOException {
    this.headphones = headphones;
    this.real = real;
    this.recorder = recorder;
    this.dir = dir;
    Files.createDirectories(dir);
    try (var old = Files.list(dir)) {
      for (Path p : old.toList()) {
        Files.delete(p);
      }
    }
  }

  synchronized List<Spoken> spoken() {
    return List.copyOf(spoken);
  }

  synchronized List<String> textsSince(int from) {
    return spoken.subList(from, spoken.size()).stream().map(Spoken::text).toList();
  }

  synchronized int count() {
    return spoken.size();
  }

  @Override
  public Playback speak(Utterance u) throws SpeechException {
    Path wav;
    synchronized (this) {
      wav = dir.resolve(String.format("%03d-%s.wav", spoken.size() + 1, u.language()));
      spoken.add(new Spoken(u, wav));
    }
    recorder.synthesize(u, wav);
    try {
      Files.writeString(dir.resolve("prompts.txt"), wav.getFileName() + "\t" + u.text() + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new SpeechException(SpeechException.Reason.WRITE_FAILED, e.getMessage(), e);
    }
    Playback played = real.speak(u);
    if (!headphones) {
      return Playback.NO_DEVICE;
    }
    return played == Playback.NO_DEVICE ? Playback.PLAYED : played;
  }

  @Override
  public byte[] synthesize(Utterance u) throws SpeechException {
    return real.synthesize(u);
  }

  @Override
  public Path synthesize(Utterance u, Path wav) throws SpeechException {
    return real.synthesize(u, wav);
  }

  @Override
  public void stop() {
    real.stop();
  }
}
