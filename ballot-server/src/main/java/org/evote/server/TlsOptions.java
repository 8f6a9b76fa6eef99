package org.evote.server;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.keystore.TlsIdentity;
import org.evote.server.board.BoardSetup;
import picocli.CommandLine.Option;

/** {@code init}'s TLS options: the board's certificate, self-signed for {@code --tls-name}s or from PEM files. */
final class TlsOptions {
  @Option(names = "--tls-name", paramLabel = "NAME", description = "a DNS name or IP address the board's "
      + "self-signed TLS certificate names (repeatable; default: localhost, 127.0.0.1 and ::1); kiosks pin the "
      + "certificate itself, so the names matter only to browsers")
  List<String> names = new ArrayList<>();

  @Option(names = "--tls-cert", paramLabel = "PEM", description = "serve this certificate chain (PEM, leaf first) "
      + "instead of a self-signed one; with --tls-key")
  Path certificate;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "the unencrypted PEM private key of --tls-cert; "
      + "it is sealed under the board passphrase in the data directory (delete the PEM afterwards)")
  Path key;

  /**
   * The identity the options ask for; null if they are mixed (a certificate without its key, or with names).
   *
   * @throws org.evote.crypto.InvalidFieldException naming the name or file that cannot be used
   */
  TlsIdentity identity(SecureRandom random) throws IOException {
    if (certificate != null || key != null) {
      if (certificate == null || key == null || !names.isEmpty()) {
        return null;
      }
      return TlsIdentity.readPem(certificate, key);
    }
    return TlsIdentity.selfSigned(names.isEmpty() ? BoardSetup.DEFAULT_TLS_NAMES : names, random, Instant.now());
  }
}
