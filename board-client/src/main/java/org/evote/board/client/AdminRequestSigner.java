package org.evote.board.client;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.evote.crypto.board.AdminRequests;
import org.evote.crypto.keystore.AdminCredentials;

/**
 * Signs administrator requests (docs/api.md, "Administrators"): the four headers {@link ApiPaths#ADMIN},
 * {@link ApiPaths#ADMIN_TIME}, {@link ApiPaths#ADMIN_NONCE} and {@link ApiPaths#ADMIN_SIGNATURE} over
 * {@link AdminRequests#message}, with the time from its clock and a fresh nonce from its random source. Holds the
 * administrator's key: it has no {@code toString} that shows it.
 */
public final class AdminRequestSigner {
  private final AdminCredentials credentials;
  private final SecureRandom random;
  private final Clock clock;

  public AdminRequestSigner(AdminCredentials credentials, SecureRandom random, Clock clock) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The headers of a request {@code method target} with this body, at the clock's time, with a fresh nonce. */
  public Map<String, String> headers(String method, String target, byte[] body) {
    return headers(method, target, body, clock.instant().getEpochSecond(), AdminRequests.nonce(random));
  }

  /** The headers of a request at {@code time} (Unix seconds) with {@code nonce}: for tests of the board's checks. */
  public Map<String, String> headers(String method, String target, byte[] body, long time, String nonce) {
    String admin = credentials.name();
    var message = AdminRequests.message(credentials.electionHash(), admin, method, target, time, nonce, body);
    Map<String, String> h = new LinkedHashMap<>();
    h.put(ApiPaths.ADMIN, admin);
    h.put(ApiPaths.ADMIN_TIME, Long.toString(time));
    h.put(ApiPaths.ADMIN_NONCE, nonce);
    h.put(ApiPaths.ADMIN_SIGNATURE, credentials.key().sign(message).hex());
    return h;
  }

  /** The request target as signed: the URI's raw path, and {@code ?} and its raw query if it has one. */
  public static String target(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }
}
