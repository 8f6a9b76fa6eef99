package org.evote.tally.cli;

/**
 * A file or directory a command was given that is not there: the message is one sentence naming the option and the
 * file ("--record: no election.json in ./x (expected ./x/election.json)"); the command exits 2.
 */
public final class InputFileException extends Exception {
  private static final long serialVersionUID = 1L;

  public InputFileException(String message) {
    super(message);
  }
}
