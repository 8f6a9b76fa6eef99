package org.evote.kiosk.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speech from Debian's espeak-ng, run as a process: the text goes to its standard input (never a shell, never an
 * argument, so no text can be read as an option), the WAV comes back on its standard output and is played on the
 * headphones through {@code javax.sound.sampled} when an audio output exists. Voices by language: English and
 * Spanish (Latin American) are fixed; another language uses espeak-ng's voice for it when it has one, else English,
 * with a note in the log.
 */
public final class EspeakSpeech implements Speech {
  /** Where Debian's package {@code espeak-ng} installs the program. */
  public static final Path DEBIAN_PATH = Path.of("/usr/bin/espeak-ng");
  private static final Logger LOG = LoggerFactory.getLogger(EspeakSpeech.class);
  private static final Map<String, String> PREFERRED = Map.of("en", "en-us", "es", "es-419");
  private static final String FALLBACK = "en-us";
  private static final int WAV_HEADER = 44;

  private final Path program;
  private final Duration timeout;
  private final Set<String> voices;
  private final Headphones headphones = new Headphones();
  private final Set<String> noted = ConcurrentHashMap.newKeySet();
  private final Set<Process> running = ConcurrentHashMap.newKeySet();
  private final AtomicLong stops = new AtomicLong();

  /** The voice espeak-ng uses for a language; {@code fallback} when it has none for it and English is used. */
  public record Voice(String name, boolean fallback) {}

  private EspeakSpeech(Path program, Duration timeout, Set<String> voices) {
    this.program = program;
    this.timeout = timeout;
    this.voices = voices;
  }

  /** espeak-ng at {@link #DEBIAN_PATH}. */
  public static EspeakSpeech open() throws SpeechException {
    return open(DEBIAN_PATH, Duration.ofSeconds(20));
  }

  /** espeak-ng at {@code program}; refused with {@link SpeechException.Reason#ENGINE_MISSING} if absent. */
  public static EspeakSpeech open(Path program, Duration timeout) throws SpeechException {
    if (!Files.isRegularFile(program) || !Files.isExecutable(program)) {
      throw new SpeechException(SpeechException.Reason.ENGINE_MISSING, "the audio mode needs espeak-ng, which is "
          + "not installed at " + program + " (install Debian's package espeak-ng: apt-get install espeak-ng)");
    }
    EspeakSpeech s = new EspeakSpeech(program, timeout, Set.of());
    return new EspeakSpeech(program, timeout, s.listVoices());
  }

  /** The voice for {@code language} (a BCP 47 tag). */
  public Voice voice(String language) {
    String tag = language.toLowerCase(Locale.ROOT);
    String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
    if (PREFERRED.containsKey(tag)) {
      return new Voice(PREFERRED.get(tag), false);
    }
    if (voices.contains(tag)) {
      return new Voice(tag, false);
    }
    if (PREFERRED.containsKey(primary)) {
      return new Voice(PREFERRED.get(primary), false);
    }
    if (voices.contains(primary)) {
      return new Voice(primary, false);
    }
    if (noted.add(tag)) {
      LOG.warn("espeak-ng has no voice for language {}: it is spoken with the English voice", tag);
    }
    return new Voice(FALLBACK, true);
  }

  @Override
  public Playback speak(Utterance u) throws SpeechException {
    long before = stops.get();
    byte[] wav;
    try {
      wav = synthesize(u);
    } catch (SpeechException e) {
      if (stops.get() != before) {
        return Playback.STOPPED;
      }
      throw e;
    }
    if (stops.get() != before) {
      return Playback.STOPPED;
    }
    return headphones.play(wav, () -> stops.get() != before);
  }

  @Override
  public byte[] synthesize(Utterance u) throws SpeechException {
    Voice v = voice(u.language());
    // -b 1: the input is UTF-8; -a: amplitude 0..200 (espeak-ng's default 100 is 50 %)
    byte[] out = run(List.of(program.toString(), "-b", "1", "-v", v.name(), "-s", Integer.toString(u
        .wordsPerMinute()), "-a", Integer.toString(u.volumePercent() * 2), "--stdout", "--stdin"),
        (u.text() + "\n").getBytes(StandardCharsets.UTF_8));
    return withSizes(out);
  }

  @Override
  public Path synthesize(Utterance u, Path wav) throws SpeechException {
    byte[] bytes = synthesize(u);
    try {
      Path dir = wav.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".speech", ".wav");
      Files.write(tmp, bytes);
      Files.move(tmp, wav, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return wav;
    } catch (IOException e) {
      throw new SpeechException(SpeechException.Reason.WRITE_FAILED, "cannot write " + wav + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public void stop() {
    stops.incrementAndGet();
    running.forEach(Process::destroyForcibly);
  }

  private Set<String> listVoices() throws SpeechException {
    String table = new String(run(List.of(program.toString(), "--voices"), new byte[0]), StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    for (String line : table.split("\n")) {
      String[] cols = line.trim().split("\\s+");
      // "Pty Language Age/Gender VoiceName File ...": MBROLA voices ("mb/...") need packages of their own
      if (cols.length >= 5 && cols[0].matches("\\d+") && !cols[4].startsWith("mb/")) {
        out.add(cols[1].toLowerCase(Locale.ROOT));
      }
    }
    return Set.copyOf(out);
  }

  private byte[] run(List<String> command, byte[] input) throws SpeechException {
    Process p;
    try {
      p = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new SpeechException(SpeechException.Reason.ENGINE_MISSING, "espeak-ng cannot be started at " + program
          + ": " + e.getMessage(), e);
    }
    running.add(p);
    try {
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      try (OutputStream in = p.getOutputStream()) {
        in.write(input);
      } catch (IOException e) {
        // the process ended before reading: its exit status says why
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new SpeechException(SpeechException.Reason.TIMEOUT, "espeak-ng did not finish within "
            + timeout.toSeconds() + " s");
      }
      byte[] bytes = out.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (p.exitValue() != 0) {
        String why = new String(err.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8).strip();
        throw new SpeechException(SpeechException.Reason.ENGINE_FAILED, "espeak-ng failed (exit " + p.exitValue()
            + ")" + (why.isEmpty() ? "" : ": " + why.lines().findFirst().orElse("")));
      }
      return bytes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new SpeechException(SpeechException.Reason.ENGINE_FAILED, "interrupted while espeak-ng ran", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      p.destroyForcibly();
      throw new SpeechException(SpeechException.Reason.ENGINE_FAILED, "espeak-ng's output cannot be read", e);
    } finally {
      running.remove(p);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /**
   * espeak-ng writes a streaming WAV header (sizes unknown) to standard output: fills in the RIFF and data sizes
   * of its canonical 44-byte header.
   */
  static byte[] withSizes(byte[] wav) throws SpeechException {
    if (wav.length < WAV_HEADER || !ascii(wav, 0, "RIFF") || !ascii(wav, 8, "WAVE") || !ascii(wav, 12, "fmt ")
        || !ascii(wav, 36, "data")) {
      throw new SpeechException(SpeechException.Reason.BAD_OUTPUT, "espeak-ng's output is not a WAV ("
          + wav.length + " bytes)");
    }
    if (wav.length == WAV_HEADER) {
      throw new SpeechException(SpeechException.Reason.ENGINE_FAILED, "espeak-ng produced no audio");
    }
    ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(4, wav.length - 8);
    b.putInt(40, wav.length - WAV_HEADER);
    return wav;
  }

  private static boolean ascii(byte[] b, int at, String s) {
    return new String(b, at, 4, StandardCharsets.US_ASCII).equals(s);
  }

}
