package org.evote.crypto.verify;

/** The tally files of the record (§10.2), each with the step an unreadable copy of it fails. */
public enum TallyFile {
  ENCRYPTED_TALLY("encrypted_tally.json", Step.V14_ENCRYPTED_TALLY),
  DECRYPTION_SHARES("decryption_shares.json", Step.V15_DECRYPTION_SHARES),
  RESULT("result.json", Step.V16_RESULT);

  private final String fileName;
  private final Step step;

  TallyFile(String fileName, Step step) {
    this.fileName = fileName;
    this.step = step;
  }

  public String fileName() {
    return fileName;
  }

  /** The step that fails when the file exists but cannot be read. */
  public Step step() {
    return step;
  }
}
