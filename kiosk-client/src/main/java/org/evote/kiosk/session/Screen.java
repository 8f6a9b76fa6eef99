package org.evote.kiosk.session;

/** The screens of the voter flow, in order. */
public enum Screen {
  /** The poll worker activates a ballot by choosing its style. */
  ACTIVATION,
  /** The voter chooses a language. */
  LANGUAGE,
  /** One contest at a time. */
  CONTEST,
  /** The voter types a name on a write-in line (on-screen or physical keyboard). */
  WRITE_IN,
  /** Every contest with the choices; undervotes flagged. */
  REVIEW,
  /** The kiosk encrypts and proves. */
  ENCRYPTING,
  /** The tracking code is shown; cast or challenge. */
  DECIDE,
  /** The kiosk posts the ballot. */
  SUBMITTING,
  /** The receipt of a cast ballot. */
  RECEIPT,
  /** A challenged ballot: how to check it, then vote again. */
  CHALLENGED
}
