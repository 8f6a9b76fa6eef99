package org.evote.kiosk.service;

import java.net.URI;
import java.util.Optional;

/**
 * What the voter's printed receipt says: tracking code, full confirmation code, time, kiosk, the board sequence
 * number once known — or the board's refusal code if the board refused the ballot — the URL to check it, and how many
 * write-in names the ballot carries ({@code writeIns}: the receipt confirms that a write-in was recorded). It never
 * holds or shows the vote, nor any name written.
 */
public record LocalReceipt(String ballotId, boolean challenged, String trackingCode, String confirmationCode,
    String kioskId, long timestamp, Optional<Long> boardSequence, boolean uploadPending, URI checkUrl,
    Optional<String> refusal, int writeIns) {
  public LocalReceipt {
    java.util.Objects.requireNonNull(refusal, "refusal");
    if (writeIns < 0) {
      throw new IllegalArgumentException("writeIns: " + writeIns + " is negative");
    }
    if (refusal.isPresent() && (uploadPending || boardSequence.isPresent())) {
      throw new IllegalArgumentException("a refused ballot is neither pending nor on the board as a ballot");
    }
  }

  /** A receipt of a ballot without write-in names. */
  public LocalReceipt(String ballotId, boolean challenged, String trackingCode, String confirmationCode,
      String kioskId, long timestamp, Optional<Long> boardSequence, boolean uploadPending, URI checkUrl,
      Optional<String> refusal) {
    this(ballotId, challenged, trackingCode, confirmationCode, kioskId, timestamp, boardSequence, uploadPending,
        checkUrl, refusal, 0);
  }

  /** A receipt of a ballot not refused, without write-in names. */
  public LocalReceipt(String ballotId, boolean challenged, String trackingCode, String confirmationCode,
      String kioskId, long timestamp, Optional<Long> boardSequence, boolean uploadPending, URI checkUrl) {
    this(ballotId, challenged, trackingCode, confirmationCode, kioskId, timestamp, boardSequence, uploadPending,
        checkUrl, Optional.empty(), 0);
  }

  /**
   * What the receipt's QR code carries (docs/protocol.md §5.5): the observer page's look-up URL, from
   * {@link #checkUrl()}, with the full confirmation code H_C (64 lower-case hex) as its {@code code} parameter,
   * e.g. {@code http://board.example/?code=b8b3…}.
   */
  public URI lookupUrl() {
    String path = checkUrl.getRawPath() == null || checkUrl.getRawPath().isEmpty() ? "/" : checkUrl.getRawPath();
    return URI.create(checkUrl.getScheme() + "://" + checkUrl.getRawAuthority() + path + "?code=" + confirmationCode);
  }
}
