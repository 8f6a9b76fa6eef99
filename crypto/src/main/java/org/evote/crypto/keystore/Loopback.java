package org.evote.crypto.keystore;

import java.util.Locale;

/**
 * The one rule for where plain HTTP is allowed (docs/api.md, "Transport"): a board or witness serves it only on, and
 * a client with a pinned certificate speaks it only to, a loopback address — {@code 127.0.0.0/8}, {@code ::1} or
 * {@code localhost} — decided from the text alone, without asking the name service.
 */
public final class Loopback {
  private Loopback() {}

  /** True for a loopback literal (IPv6 possibly in brackets) or {@code localhost}. */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    h = h.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    if (!h.matches("127(\\.[0-9]{1,3}){3}")) {
      return false;
    }
    for (String part : h.split("\\.")) {
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }
}
