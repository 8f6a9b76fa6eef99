package org.evote.tally.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.keystore.GuardianKeyFile;
import org.evote.crypto.keystore.SecretFiles;

/** Opens a guardian's sealed key file with its passphrase (a file's first line, or typed), for this election. */
final class GuardianKeys {
  private GuardianKeys() {}

  /** Why a key cannot be opened; the message is for the guardian. */
  static final class KeyException extends Exception {
    private static final long serialVersionUID = 1L;

    KeyException(String message) {
      super(message);
    }
  }

  static GuardianKey open(Path keyFile, Path passphraseFile, ElectionConfig config) throws IOException,
      KeyException {
    GuardianKeyFile.Public pub = GuardianKeyFile.readPublic(keyFile);
    if (!pub.extendedHash().equals(config.extendedHash())) {
      throw new KeyException(keyFile + " belongs to another election");
    }
    char[] pass = SecretFiles.passphrase(passphraseFile, "passphrase of guardian " + pub.guardian(),
        "--passphrase-file");
    try {
      return GuardianKeyFile.open(keyFile, pass);
    } catch (EncryptedKeyFile.WrongPassphraseException e) {
      throw new KeyException("guardian " + pub.guardian() + ": wrong passphrase");
    } finally {
      java.util.Arrays.fill(pass, '\0');
    }
  }
}
