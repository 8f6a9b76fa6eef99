package org.evote.crypto.board;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.evote.crypto.group.Hex;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;
import org.evote.crypto.manifest.Ids;

/**
 * What an administrator key signs for one administrator request to the board (docs/api.md, "Administrators";
 * protocol §12): H(ADMIN_REQUEST; DIGEST H_E, STRING admin, STRING method, STRING target, INTEGER time,
 * STRING nonce, DIGEST SHA-256(body)). {@code target} is the request's path and query exactly as sent (percent
 * encoding and all, {@code path} or {@code path?query}); {@code time} is Unix seconds; {@code nonce} is
 * {@link #NONCE_HEX_LENGTH} lowercase hex characters, fresh for every request. The board accepts a signed request
 * once, within {@link #WINDOW_SECONDS} of its clock, so a recording of one cannot be replayed, and a signature
 * covers its method, target and body, so it authorizes nothing else.
 */
public final class AdminRequests {
  /** The largest difference the board allows between a request's time and its own clock, in seconds. */
  public static final long WINDOW_SECONDS = 60;
  /** Random bytes in a nonce. */
  public static final int NONCE_BYTES = 16;
  /** Characters of a nonce: {@link #NONCE_BYTES} as lowercase hex. */
  public static final int NONCE_HEX_LENGTH = 2 * NONCE_BYTES;
  /** The longest request target accepted (path and query). */
  public static final int MAX_TARGET_LENGTH = 2048;

  private AdminRequests() {}

  /** The message an administrator's key signs (and the board verifies) for one request. */
  public static Digest message(Digest extendedHash, String admin, String method, String target, long time,
      String nonce, byte[] body) {
    if (!Ids.isValid(admin)) {
      throw new IllegalArgumentException("an administrator name is an identifier");
    }
    if (!isNonce(nonce)) {
      throw new IllegalArgumentException("a nonce is " + NONCE_HEX_LENGTH + " lowercase hex characters");
    }
    return Hasher.tagged(DomainTags.ADMIN_REQUEST).digest(extendedHash).string(admin).string(method).string(target)
        .integer(time).string(nonce).digest(bodyHash(body)).digest();
  }

  /** A fresh nonce from {@code random}. */
  public static String nonce(SecureRandom random) {
    byte[] b = new byte[NONCE_BYTES];
    random.nextBytes(b);
    return Hex.encode(b);
  }

  /** True if {@code s} has the form of a nonce: {@link #NONCE_HEX_LENGTH} lowercase hex characters. */
  public static boolean isNonce(String s) {
    return s != null && s.length() == NONCE_HEX_LENGTH && Hex.isLowercaseHex(s);
  }

  /** SHA-256 of the body's bytes, as signed. */
  public static Digest bodyHash(byte[] body) {
    try {
      return Digest.of(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
