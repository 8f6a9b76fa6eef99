package org.evote.tally.cli;

import java.util.Optional;
import org.evote.crypto.keystore.TlsFingerprint;
import picocli.CommandLine.Option;

/** {@code --tls-fingerprint}: the board's TLS certificate, pinned by the commands that read a board over HTTPS. */
final class TlsPin {
  @Option(names = "--tls-fingerprint", paramLabel = "SHA256", description = "the board's TLS certificate "
      + "fingerprint (SHA-256 of its DER, hex; printed by ./evote server init and in every credential): required for "
      + "an https:// board, whose certificate is then the only one accepted")
  String fingerprint;

  /** The pin, if given; an {@link org.evote.crypto.InvalidFieldException} naming the option if it is not one. */
  Optional<TlsFingerprint> get() {
    return fingerprint == null ? Optional.empty()
        : Optional.of(TlsFingerprint.parse(fingerprint, "--tls-fingerprint"));
  }
}
