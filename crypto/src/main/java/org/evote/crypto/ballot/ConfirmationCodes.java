package org.evote.crypto.ballot;

import java.util.List;
import java.util.Optional;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;

/**
 * Contest hashes, confirmation codes, kiosk chains and the short tracking code of protocol §5.2–§5.5.
 */
public final class ConfirmationCodes {
  /** Crockford's base-32 alphabet: no I, L, O or U, so a code read aloud or typed is hard to get wrong. */
  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  /** Bytes of H_C in the short form: 80 bits, 16 characters. */
  public static final int SHORT_BYTES = 10;

  private ConfirmationCodes() {}

  /**
   * χ = H(CONTEST_HASH; H_E, ballot id, contest id, m, then each selection's id, α, β; L, then each rank's α, β;
   * w, then each write-in line's selection id and its α_1, β_1, α_2, β_2, α_3, β_3) (§5.2): m, L and w are the
   * numbers of selections, ranks and write-in lines (m = 0 for a ranked contest, L = 0 for one not ranked).
   */
  public static Digest contestHash(Digest extendedHash, String ballotId, EncryptedContest contest) {
    Hasher h = Hasher.tagged(DomainTags.CONTEST_HASH).digest(extendedHash).string(ballotId)
        .string(contest.contestId()).integer(contest.selections().size());
    for (EncryptedSelection s : contest.selections()) {
      h.string(s.selectionId()).element(s.ciphertext().alpha()).element(s.ciphertext().beta());
    }
    h.integer(contest.ranks().size());
    for (EncryptedRank r : contest.ranks()) {
      h.element(r.ciphertext().alpha()).element(r.ciphertext().beta());
    }
    h.integer(contest.writeIns().size());
    for (EncryptedWriteIn w : contest.writeIns()) {
      h.string(w.selectionId());
      for (org.evote.crypto.elgamal.Ciphertext c : w.ciphertexts()) {
        h.element(c.alpha()).element(c.beta());
      }
    }
    return h.digest();
  }

  /** H_C = H(CONFIRMATION_CODE; H_E, kiosk id, previous code, time, ballot id, style id, n, χ_1 … χ_n). */
  public static Digest confirmationCode(Digest extendedHash, String kioskId, Digest previousCode, long timestamp,
      String ballotId, String styleId, List<Digest> contestHashes) {
    Hasher h = Hasher.tagged(DomainTags.CONFIRMATION_CODE).digest(extendedHash).string(kioskId)
        .digest(previousCode).integer(timestamp).string(ballotId).string(styleId).integer(contestHashes.size());
    for (Digest d : contestHashes) {
      h.digest(d);
    }
    return h.digest();
  }

  /** H_0 = H(CHAIN_START; H_E, kiosk id): the "previous code" of a kiosk's first ballot. */
  public static Digest chainStart(Digest extendedHash, String kioskId) {
    return Hasher.tagged(DomainTags.CHAIN_START).digest(extendedHash).string(kioskId).digest();
  }

  /** H(CHAIN_CLOSE; H_E, kiosk id, last code, count): posted when polls close; no ballot can follow it. */
  public static Digest chainClose(Digest extendedHash, String kioskId, Digest lastCode, long count) {
    return Hasher.tagged(DomainTags.CHAIN_CLOSE).digest(extendedHash).string(kioskId).digest(lastCode)
        .integer(count).digest();
  }

  /** The first 80 bits of H_C as 16 Crockford base-32 characters in groups of four: "7KQ2-M9XD-4TB0-WZ5R". */
  public static String shortForm(Digest code) {
    byte[] b = code.toBytes();
    StringBuilder out = new StringBuilder(19);
    int buffer = 0;
    int bits = 0;
    int chars = 0;
    for (int i = 0; i < SHORT_BYTES; i++) {
      buffer = (buffer << 8) | (b[i] & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        if (chars > 0 && chars % 4 == 0) {
          out.append('-');
        }
        out.append(ALPHABET.charAt((buffer >>> bits) & 31));
        chars++;
      }
    }
    return out.toString();
  }

  /**
   * Normalizes what a voter typed: case-insensitive, dashes and spaces ignored, I and L read as 1, O as 0.
   * Empty if it is not 16 base-32 characters.
   */
  public static Optional<String> normalizeShortForm(String typed) {
    StringBuilder clean = new StringBuilder();
    for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
      if (c == '-' || c == ' ') {
        continue;
      }
      char m = switch (c) {
        case 'I', 'L' -> '1';
        case 'O' -> '0';
        default -> c;
      };
      if (ALPHABET.indexOf(m) < 0) {
        return Optional.empty();
      }
      clean.append(m);
    }
    if (clean.length() != 16) {
      return Optional.empty();
    }
    return Optional.of(clean.substring(0, 4) + "-" + clean.substring(4, 8) + "-" + clean.substring(8, 12) + "-"
        + clean.substring(12, 16));
  }
}
