package org.evote.board.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.evote.crypto.keystore.TlsFingerprint;
import org.junit.jupiter.api.Test;

/** How a client may reach a board (docs/api.md, "Transport"): the rules of {@link PinnedTls#client}. */
class PinnedTlsRulesTest {
  static final Optional<TlsFingerprint> PIN = Optional.of(TlsFingerprint.ofDer(new byte[] {1}));
  static final Duration T = Duration.ofSeconds(1);

  @Test
  void https_needsAPin() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PinnedTls.client(URI.create("https://board.example.org"), Optional.empty(), T));
    assertTrue(e.getMessage().contains("tls_fingerprint"), e.getMessage());
    assertNotNull(PinnedTls.client(URI.create("https://board.example.org"), PIN, T));
  }

  @Test
  void plainHttp_withAPin_onlyOnLoopback() {
    for (String loopback : new String[] {"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:2",
        "http://127.1.2.3"}) {
      assertNotNull(PinnedTls.client(URI.create(loopback), PIN, T), loopback);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PinnedTls.client(URI.create("http://10.0.0.2:8080"), PIN, T));
    assertTrue(e.getMessage().contains("https://"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PinnedTls.client(URI.create("http://localhost.evil.example"),
        PIN, T));
    // a credential written before the board spoke HTTPS: plain HTTP as before
    assertNotNull(PinnedTls.client(URI.create("http://10.0.0.2:8080"), Optional.empty(), T));
    assertThrows(IllegalArgumentException.class, () -> PinnedTls.client(URI.create("ftp://x"), PIN, T));
    assertThrows(IllegalArgumentException.class, () -> BoardClient.create(URI.create("https://x"), T));
  }

  @Test
  void loopbackIsDecidedWithoutTheNameService() {
    assertTrue(PinnedTls.isLoopback("127.0.0.1"));
    assertTrue(PinnedTls.isLoopback("::1"));
    assertFalse(PinnedTls.isLoopback("127.0.0.256"));
    assertFalse(PinnedTls.isLoopback("0.0.0.0"));
    assertFalse(PinnedTls.isLoopback("127.0.0.1.evil.example"));
    assertFalse(PinnedTls.isLoopback(null));
  }
}
