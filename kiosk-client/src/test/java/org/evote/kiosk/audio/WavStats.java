package org.evote.kiosk.audio;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Length and loudness of a 16-bit PCM WAV, read with javax.sound (tests check that speech is real audio). */
record WavStats(double seconds, double rms) {
  /** RMS of full-scale 16-bit samples below which a WAV counts as silence. */
  static final double SILENCE = 0.01;

  static WavStats of(Path wav) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      AudioFormat f = in.getFormat();
      if (f.getSampleSizeInBits() != 16 || f.getChannels() != 1) {
        throw new IOException(wav + ": not 16-bit mono (" + f + ")");
      }
      byte[] b = in.readAllBytes();
      long n = b.length / 2;
      double sum = 0;
      for (int i = 0; i + 1 < b.length; i += 2) {
        int s = f.isBigEndian() ? (short) ((b[i] << 8) | (b[i + 1] & 0xff)) : (short) ((b[i + 1] << 8) | (b[i] & 0xff));
        double x = s / 32768.0;
        sum += x * x;
      }
      return new WavStats(n / (double) f.getSampleRate(), n == 0 ? 0 : Math.sqrt(sum / n));
    } catch (UnsupportedAudioFileException e) {
      throw new IOException(wav + ": not a WAV", e);
    }
  }

  /** Roughly how long {@code text} takes at {@code wpm} (each word, digit or spelled letter a word). */
  static double expectedSeconds(String text, int wpm) {
    int words = text.trim().split("\\s+").length;
    return words * 60.0 / wpm;
  }

  /**
   * Plausible for the text: between half and two and a half times the expected length, plus half a second
   * (pauses, long words; espeak-ng's prompts here come out at 0.8 to 1.6 times).
   */
  boolean plausibleFor(String text, int wpm) {
    double e = expectedSeconds(text, wpm);
    return seconds >= e / 2 && seconds <= e * 2.5 + 0.5;
  }
}
