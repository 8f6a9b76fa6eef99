package org.evote.kiosk.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Plays a WAV on the default audio output (the kiosk's headphone jack); says so when there is none. */
final class Headphones {
  private volatile SourceDataLine line;
  private volatile boolean stopped;

  Speech.Playback play(byte[] wav) throws SpeechException {
    stopped = false;
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
      line = l;
      try {
        l.start();
        byte[] buf = new byte[4096];
        int n;
        while (!stopped && (n = in.read(buf)) > 0) {
          l.write(buf, 0, n);
        }
        if (!stopped) {
          l.drain();
        }
      } finally {
        l.close();
        line = null;
      }
      return stopped ? Speech.Playback.STOPPED : Speech.Playback.PLAYED;
    } catch (UnsupportedAudioFileException | IOException e) {
      throw new SpeechException(SpeechException.Reason.BAD_OUTPUT, "the speech is not a playable WAV", e);
    }
  }

  void stop() {
    stopped = true;
    SourceDataLine l = line;
    if (l != null) {
      l.stop();
      l.flush();
    }
  }
}
