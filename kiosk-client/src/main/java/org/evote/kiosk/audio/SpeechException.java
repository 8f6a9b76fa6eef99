package org.evote.kiosk.audio;

/** The speech engine could not say or synthesize something; {@link #reason()} says what went wrong. */
public final class SpeechException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What failed, so callers decide by kind and never by message text. */
  public enum Reason {
    /** The engine's program is not installed (or not executable). */
    ENGINE_MISSING,
    /** The engine ran and failed (non-zero exit, or no audio). */
    ENGINE_FAILED,
    /** The engine did not finish in time and was stopped. */
    TIMEOUT,
    /** The engine's output is not a WAV the kiosk can read. */
    BAD_OUTPUT,
    /** Writing the WAV file failed. */
    WRITE_FAILED
  }

  private final Reason reason;

  public SpeechException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public SpeechException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
