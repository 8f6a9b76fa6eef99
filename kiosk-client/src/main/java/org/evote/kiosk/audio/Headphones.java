package org.evote.kiosk.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Plays a WAV on the default audio output (the kiosk's headphone jack); says so when there is none. */
final class Headphones {
  /**
   * Plays {@code wav} to the end, or until {@code stopped} says so (checked between chunks of about a tenth of a
   * second).
   */
  Speech.Playback play(byte[] wav, BooleanSupplier stopped) throws SpeechException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
      AudioFormat format = in.getFormat();
      DataLine.Info info = new DataLine.Info(SourceDataLine.class, format);
      if (AudioSystem.getMixerInfo().length == 0 || !AudioSystem.isLineSupported(info)) {
        return Speech.Playback.NO_DEVICE;
      }
      SourceDataLine l;
      try {
        l = (SourceDataLine) AudioSystem.getLine(info);
        l.open(format);
      } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
        return Speech.Playback.NO_DEVICE;
      }
      try {
        l.start();
        byte[] buf = new byte[4096];
        int n;
        while (!stopped.getAsBoolean() && (n = in.read(buf)) > 0) {
          l.write(buf, 0, n);
        }
        if (!stopped.getAsBoolean()) {
          l.drain();
        } else {
          l.stop();
          l.flush();
        }
      } finally {
        l.close();
      }
      return stopped.getAsBoolean() ? Speech.Playback.STOPPED : Speech.Playback.PLAYED;
    } catch (UnsupportedAudioFileException | IOException e) {
      throw new SpeechException(SpeechException.Reason.BAD_OUTPUT, "the speech is not a playable WAV", e);
    }
  }
}
