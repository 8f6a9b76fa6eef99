package org.evote.board.client;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.evote.crypto.keystore.Loopback;
import org.evote.crypto.keystore.TlsFingerprint;

/**
 * The one place that builds the HTTP client of every program that talks to a board (kiosks, the administrator's
 * command line, the tally tool) and decides how it may reach it (docs/api.md, "Transport"):
 * <ul>
 *   <li>{@code https://} with a pinned {@link TlsFingerprint}: TLS that accepts exactly the one certificate whose
 *       SHA-256 is the pin, compared in constant time. No certificate authority is trusted and the host name is not
 *       checked — the pin replaces both (a custom {@link X509ExtendedTrustManager} does no endpoint identification,
 *       so the JDK's HTTPS host name check does not apply). Any other certificate fails the handshake with
 *       {@link PinMismatchException}, naming the expected and the presented fingerprint.</li>
 *   <li>{@code https://} without a pin: refused — a board's certificate is always pinned.</li>
 *   <li>{@code http://}: only to a loopback address ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}) when a pin
 *       is given (a board served with {@code --plain-http} on the same machine); without a pin (a credential written
 *       before the board spoke HTTPS) to any address, as before.</li>
 * </ul>
 */
public final class PinnedTls {
  private PinnedTls() {}

  /** The server's certificate is not the pinned one; its message names both fingerprints. */
  public static final class PinMismatchException extends CertificateException {
    private static final long serialVersionUID = 1L;
    private final transient TlsFingerprint expected;
    private final String presented;

    PinMismatchException(TlsFingerprint expected, String presented) {
      super("the server's TLS certificate has fingerprint " + presented + ", not the pinned " + expected.hex()
          + ": this is not the board (or witness) the credential was made for");
      this.expected = expected;
      this.presented = presented;
    }

    public TlsFingerprint expected() {
      return expected;
    }

    /** The fingerprint of the certificate the server presented ("none" if it presented none). */
    public String presented() {
      return presented;
    }
  }

  /**
   * An HTTP client for {@code server} under the rules above, connecting within {@code connectTimeout}.
   *
   * @throws IllegalArgumentException if the rules do not allow reaching {@code server} so
   */
  public static HttpClient client(URI server, Optional<TlsFingerprint> pin, Duration connectTimeout) {
    Objects.requireNonNull(pin, "pin");
    String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(Locale.ROOT);
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout);
    switch (scheme) {
      case "https" -> b.sslContext(context(pin.orElseThrow(() -> new IllegalArgumentException(server
          + ": an https board needs its TLS certificate fingerprint pinned (the credential's tls_fingerprint, or "
          + "--tls-fingerprint)"))));
      case "http" -> {
        if (pin.isPresent() && !isLoopback(server.getHost())) {
          throw new IllegalArgumentException(server + ": the board speaks HTTPS (its certificate "
              + pin.get().hex() + " is pinned); plain http is only for a board on this machine's loopback: use "
              + "https://");
        }
      }
      default -> throw new IllegalArgumentException(server + ": the board's URL starts with https:// (or "
          + "http:// on loopback)");
    }
    return b.build();
  }

  /** True for a loopback literal or {@code localhost}; never asks the name service ({@link Loopback}). */
  public static boolean isLoopback(String host) {
    return Loopback.isLoopback(host);
  }

  /** A TLS context whose only trust is the certificate with this fingerprint. */
  public static SSLContext context(TlsFingerprint pin) {
    try {
      SSLContext c = SSLContext.getInstance("TLS");
      c.init(null, new TrustManager[] {new PinnedTrustManager(pin)}, null);
      return c;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is unavailable", e);
    }
  }

  /** The cause that made a failed exchange fail, if it was a certificate that is not the pinned one. */
  static Optional<PinMismatchException> mismatch(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PinMismatchException m) {
        return Optional.of(m);
      }
      for (Throwable s : t.getSuppressed()) {
        if (s instanceof PinMismatchException m) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Accepts a server whose leaf certificate is the pinned one and nothing else (never a client). Being an
   * {@link X509ExtendedTrustManager}, JSSE hands it the engine and does no endpoint identification of its own.
   */
  private static final class PinnedTrustManager extends X509ExtendedTrustManager {
    private final TlsFingerprint pin;

    PinnedTrustManager(TlsFingerprint pin) {
      this.pin = pin;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length == 0) {
        throw new PinMismatchException(pin, "none");
      }
      byte[] der;
      try {
        der = chain[0].getEncoded();
      } catch (CertificateEncodingException e) {
        throw new PinMismatchException(pin, "unreadable");
      }
      if (!pin.matchesDer(der)) {
        throw new PinMismatchException(pin, TlsFingerprint.ofDer(der).hex());
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("a pinned client trusts no client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("a pinned client trusts no client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("a pinned client trusts no client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
