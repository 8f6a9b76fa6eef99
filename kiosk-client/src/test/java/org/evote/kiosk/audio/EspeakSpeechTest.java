package org.evote.kiosk.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** espeak-ng (Debian's, installed by .ci/run) as the kiosk's speech: voices, rate, volume, safe text, errors. */
class EspeakSpeechTest {
  static final Path OUT = Path.of("target", "audio", "espeak");
  static EspeakSpeech speech;

  @BeforeAll
  static void open() throws Exception {
    speech = EspeakSpeech.open();
    Files.createDirectories(OUT);
  }

  @Test
  void spanishIsSpokenWithTheSpanishVoice_andIsRealAudio() throws Exception {
    assertEquals(new EspeakSpeech.Voice("es-419", false), speech.voice("es"));
    assertEquals(new EspeakSpeech.Voice("es-419", false), speech.voice("es-MX"));
    assertEquals(new EspeakSpeech.Voice("en-us", false), speech.voice("en"));
    String text = "Contienda uno de tres: Gobernador. Vote por uno. Ninguna seleccionada.";
    Path wav = speech.synthesize(new Utterance(text, "es", 175, 50), OUT.resolve("es.wav"));
    WavStats s = WavStats.of(wav);
    assertTrue(s.rms() > WavStats.SILENCE, "not silent: " + s);
    assertTrue(s.plausibleFor(text, 175), "plausible length: " + s);
    // the English voice reads the same words differently
    WavStats en = WavStats.of(speech.synthesize(new Utterance(text, "en", 175, 50), OUT.resolve("es-as-en.wav")));
    assertNotEquals(s.seconds(), en.seconds());
  }

  @Test
  void aLanguageWithoutAVoice_fallsBackToEnglish_saidSo() {
    assertEquals(new EspeakSpeech.Voice("en-us", true), speech.voice("tlh"));
    assertFalse(speech.voice("de").fallback(), "espeak-ng has German");
  }

  @Test
  void aFasterRate_isShorter_andALowerVolume_isQuieter() throws Exception {
    String text = "Your ballot is encrypted. Your tracking code: group one: seven, K, Q, two.";
    WavStats slow = WavStats.of(speech.synthesize(new Utterance(text, "en", 100, 50), OUT.resolve("slow.wav")));
    WavStats fast = WavStats.of(speech.synthesize(new Utterance(text, "en", 300, 50), OUT.resolve("fast.wav")));
    assertTrue(slow.seconds() > 2 * fast.seconds(), slow + " vs " + fast);
    WavStats quiet = WavStats.of(speech.synthesize(new Utterance(text, "en", 175, 10), OUT.resolve("quiet.wav")));
    WavStats loud = WavStats.of(speech.synthesize(new Utterance(text, "en", 175, 90), OUT.resolve("loud.wav")));
    assertTrue(loud.rms() > 3 * quiet.rms(), loud + " vs " + quiet);
  }

  @Test
  void textIsOnlyEverWords_neverOptionsOrShell(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("x.wav");
    String hostile = "-w " + target + " --help $(touch " + dir.resolve("y") + ") ; `id` \u0007";
    WavStats s = WavStats.of(speech.synthesize(new Utterance(hostile, "en", 175, 50), OUT.resolve("hostile.wav")));
    assertTrue(s.rms() > WavStats.SILENCE);
    assertFalse(Files.exists(target), "no option was read from the text");
    assertFalse(Files.exists(dir.resolve("y")), "no shell ran");
    assertThrows(IllegalArgumentException.class, () -> new Utterance(" \u0000 ", "en", 175, 50));
    assertThrows(IllegalArgumentException.class, () -> new Utterance("hi", "en; rm", 175, 50));
    assertThrows(IllegalArgumentException.class, () -> new Utterance("hi", "en", 10_000, 50));
  }

  @Test
  void speakPlaysOrSaysThereIsNoDevice() throws Exception {
    Speech.Playback p = speech.speak(new Utterance("Test.", "en", 300, 50));
    assertTrue(p == Speech.Playback.PLAYED || p == Speech.Playback.NO_DEVICE, p.toString());
  }

  @Test
  void aMissingEngine_isAClearTypedError() {
    SpeechException e = assertThrows(SpeechException.class, () -> EspeakSpeech.open(Path.of("/nonexistent/espeak-ng"),
        Duration.ofSeconds(5)));
    assertEquals(SpeechException.Reason.ENGINE_MISSING, e.reason());
    assertTrue(e.getMessage().contains("/nonexistent/espeak-ng") && e.getMessage().contains("espeak-ng"),
        e.getMessage());
  }
}
