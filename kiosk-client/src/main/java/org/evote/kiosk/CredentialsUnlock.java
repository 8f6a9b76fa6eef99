package org.evote.kiosk;

import java.nio.file.Path;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.keystore.SecretFiles;

/** Opens the kiosk's credentials at start-up, saying in one line why it cannot. */
final class CredentialsUnlock {
  private CredentialsUnlock() {}

  /**
   * Opens the kiosk's credentials with the passphrase (from {@code --passphrase-file} or the console); every way
   * this fails is one line naming the file.
   */
  static KioskCredentials open(Path credentials, Path passphraseFile) throws StartupError,
      java.io.IOException {
    char[] passphrase = SecretFiles.passphrase(passphraseFile, "kiosk credential passphrase",
        "--passphrase-file");
    String given = passphraseFile == null ? "the passphrase typed" : "the passphrase in " + passphraseFile;
    try {
      if (passphrase.length < KioskCredentials.MIN_PASSPHRASE) {
        throw new StartupError(given + " is too short to be a kiosk credential passphrase (at least "
            + KioskCredentials.MIN_PASSPHRASE + " characters; the poll worker PIN is separate: --pin-file)");
      }
      return KioskCredentials.read(credentials, passphrase);
    } catch (org.evote.crypto.keystore.EncryptedKeyFile.WrongPassphraseException e) {
      throw new StartupError(given + " does not open the kiosk credentials " + credentials
          + " (or the file was altered)");
    } catch (org.evote.crypto.InvalidFieldException e) {
      throw new StartupError("the kiosk credentials file " + credentials + " cannot be used: " + e.getMessage());
    } catch (java.io.IOException e) {
      throw new StartupError("the kiosk credentials file " + StartupError.fileProblem(credentials, e)
          + " (--credentials)");
    } finally {
      java.util.Arrays.fill(passphrase, '\0');
    }
  }
}
