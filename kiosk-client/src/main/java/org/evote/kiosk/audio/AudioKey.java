package org.evote.kiosk.audio;

/**
 * The audio mode's small key set (a keypad or the keyboard's arrows): {@link AudioHook} maps the keys pressed to
 * these, and the {@link AudioNavigator} acts on them.
 */
public enum AudioKey {
  /** Up: the previous item. */
  PREVIOUS,
  /** Down: the next item. */
  NEXT,
  /** Right or Enter: select, deselect or activate the current item. */
  SELECT,
  /** Left or Backspace: back (the previous contest; no, at a confirmation). */
  BACK,
  /** Space or R: say the screen and the current item again. */
  REPEAT,
  /** H or F1: the keys and what they do. */
  HELP,
  /** +: speak faster. */
  FASTER,
  /** -: speak slower. */
  SLOWER,
  /** Page Up: louder. */
  LOUDER,
  /** Page Down: quieter. */
  QUIETER,
  /** B: the screen off (black, for privacy) or on again. */
  BLANK,
  /**
   * F2: on the poll workers' screen, the next ballot is an audio ballot (or not); on a voter's screen, the voter
   * starts the audio mode.
   */
  START
}
