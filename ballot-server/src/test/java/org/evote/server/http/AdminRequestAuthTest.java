package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.evote.board.client.AdminRequestSigner;
import org.evote.board.client.ApiPaths;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardRefusedException;
import org.evote.board.client.ErrorCodes;
import org.evote.crypto.board.AdminRequests;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.server.testing.TestBoard;
import org.evote.server.testing.TestKiosk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Administrator requests on a network cannot be replayed or altered (issue 12): each is signed over its method,
 * path, body, time and a nonce, and the board accepts it once, within a minute of its clock. Against a real board on
 * a random loopback port, with requests written byte for byte to a socket as a recording would replay them.
 */
class AdminRequestAuthTest {
  @TempDir
  Path temp;

  TestBoard t;

  @BeforeEach
  void start() throws Exception {
    t = new TestBoard(temp, "manifest-small.json");
  }

  @AfterEach
  void stop() {
    t.close();
  }

  /** A request as sent on the wire: its exact bytes, which a recording holds and can send again. */
  private byte[] recorded(String target, String body, Map<String, String> headers) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder s = new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: " + t.base.getHost() + ":"
        + t.base.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + b.length
        + "\r\nConnection: close\r\n");
    headers.forEach((k, v) -> s.append(k).append(": ").append(v).append("\r\n"));
    s.append("\r\n");
    byte[] head = s.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + b.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(b, 0, out, head.length, b.length);
    return out;
  }

  private record Answer(int status, String text) {
    String code() {
      int i = text.indexOf("\"code\":\"");
      return i < 0 ? "" : text.substring(i + 8, text.indexOf('"', i + 8));
    }
  }

  private Answer replay(byte[] request) throws Exception {
    try (Socket s = new Socket(t.base.getHost(), t.base.getPort())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      return new Answer(Integer.parseInt(text.substring(9, 12)), text);
    }
  }

  private Map<String, String> signed(String target, String body) {
    return t.adminSigner().headers("POST", target, body.getBytes(StandardCharsets.UTF_8));
  }

  private Map<String, String> signedAt(String target, String body, long time) {
    return t.adminSigner().headers("POST", target, body.getBytes(StandardCharsets.UTF_8), time,
        AdminRequests.nonce(t.random));
  }

  private long entries() throws Exception {
    return TestBoard.json(t.get(ApiPaths.STATUS)).getJsonNumber("entries").longValue();
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private static void assertRefused(Answer a, int status, String code, String... named) {
    assertEquals(status, a.status(), a.text());
    assertEquals(code, a.code(), a.text());
    for (String n : named) {
      assertTrue(a.text().contains(n), "the message names " + n + ": " + a.text());
    }
  }

  @Test
  void aRecordedRequestReplayed_isRefused() throws Exception {
    byte[] open = recorded(ApiPaths.OPEN_POLLS, "", signed(ApiPaths.OPEN_POLLS, ""));
    assertEquals(200, replay(open).status());
    long after = entries();
    Answer again = replay(open);
    assertRefused(again, 403, ErrorCodes.ADMIN_NONCE_REPLAYED, ApiPaths.ADMIN_NONCE);

    // A replay of a request that would succeed again is refused the same way, and posts nothing.
    TestKiosk k = new TestKiosk("kiosk-r", t.config, t.random);
    String body = JsonText.object().add("kiosk_id", k.id).add("public_key", k.key.publicKey().hex()).build()
        .toString();
    byte[] register = recorded(ApiPaths.KIOSKS, body, signed(ApiPaths.KIOSKS, body));
    assertEquals(200, replay(register).status());
    String revokeBody = "{\"reason\":\"lost\"}";
    String revoke = ApiPaths.revokeKiosk(k.id);
    byte[] revokeRequest = recorded(revoke, revokeBody, signed(revoke, revokeBody));
    assertEquals(200, replay(revokeRequest).status());
    assertRefused(replay(revokeRequest), 403, ErrorCodes.ADMIN_NONCE_REPLAYED);
    assertEquals(after + 2, entries(), "only the two originals were posted");
  }

  @Test
  void aRequestDatedAheadAcceptedJustBeforeARestart_isRefusedAfterIt() throws Exception {
    // Dated 50 s ahead (within the window): after a quick restart its time is after the new run's start, but not
    // after the latest request time the earlier run accepted, which the board kept in its data directory.
    TestKiosk k = new TestKiosk("kiosk-ahead", t.config, t.random);
    String body = JsonText.object().add("kiosk_id", k.id).add("public_key", k.key.publicKey().hex()).build()
        .toString();
    long time = now() + 50;
    byte[] request = recorded(ApiPaths.KIOSKS, body, signedAt(ApiPaths.KIOSKS, body, time));
    assertEquals(200, replay(request).status());
    long before = entries();
    t.stop();
    t.start();
    assertTrue(time > now(), "the request is dated after the new run's start");
    assertRefused(replay(request), 403, ErrorCodes.ADMIN_TIME_SKEW, ApiPaths.ADMIN_TIME, "earlier run");
    assertEquals(before, entries());
    // The mark is the request's time: a new request dated after it is accepted (and one dated now is refused
    // until then, saying why).
    String revoke = ApiPaths.revokeKiosk(k.id);
    assertRefused(replay(recorded(revoke, "", signedAt(revoke, "", now()))), 403, ErrorCodes.ADMIN_TIME_SKEW,
        "earlier run");
    assertEquals(200, replay(recorded(revoke, "", signedAt(revoke, "", time + 1))).status());
    assertEquals(before + 1, entries());
  }

  @Test
  void aRequestAcceptedBeforeARestart_isRefusedAfterIt() throws Exception {
    TestKiosk k = new TestKiosk("kiosk-s", t.config, t.random);
    String body = JsonText.object().add("kiosk_id", k.id).add("public_key", k.key.publicKey().hex()).build()
        .toString();
    long time = now();
    byte[] request = recorded(ApiPaths.KIOSKS, body, signedAt(ApiPaths.KIOSKS, body, time));
    assertEquals(200, replay(request).status());
    while (now() <= time) {
      Thread.sleep(50); // the restart begins in a later second than the request's
    }
    String revoke = ApiPaths.revokeKiosk(k.id);
    // Revoked, then re-registered by a replay after a restart, would be a rogue kiosk back on the board (here the
    // rules also refuse a second registration; the replay is refused before they are asked).
    t.stop();
    t.start(); // the nonces the board remembered are gone with its memory
    long before = entries();
    assertRefused(replay(request), 403, ErrorCodes.ADMIN_TIME_SKEW, ApiPaths.ADMIN_TIME, "before the board started");
    assertEquals(before, entries());
    assertEquals(200, t.adminPost(revoke, "").statusCode(), "a new request is accepted");
  }

  @Test
  void aRequestWithAStaleOrFutureTime_isRefused() throws Exception {
    long before = entries();
    String path = ApiPaths.OPEN_POLLS;
    Answer stale = replay(recorded(path, "", signedAt(path, "", now() - 2 * AdminRequests.WINDOW_SECONDS)));
    assertRefused(stale, 403, ErrorCodes.ADMIN_TIME_SKEW, ApiPaths.ADMIN_TIME, "behind");
    Answer future = replay(recorded(path, "", signedAt(path, "", now() + 2 * AdminRequests.WINDOW_SECONDS)));
    assertRefused(future, 403, ErrorCodes.ADMIN_TIME_SKEW, ApiPaths.ADMIN_TIME, "ahead");
    assertEquals(before, entries());

    // Through the client: an administrator whose clock is two minutes slow is told so.
    BoardClient client = BoardClient.create(t.base, Duration.ofSeconds(30));
    Clock slow = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2));
    BoardRefusedException e = assertThrows(BoardRefusedException.class,
        () -> client.admin(t.admin, t.random, slow).openPolls());
    assertEquals(ErrorCodes.ADMIN_TIME_SKEW, e.code());
    assertEquals(403, e.status());
    // Within the window the request is accepted.
    Clock fast = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(20));
    client.admin(t.admin, t.random, fast).openPolls();
    assertEquals(before + 1, entries());
  }

  @Test
  void aModifiedBodyOrPathUnderAnOldSignature_isRefused() throws Exception {
    TestKiosk a = new TestKiosk("kiosk-a", t.config, t.random);
    TestKiosk b = new TestKiosk("kiosk-b", t.config, t.random);
    String bodyA = JsonText.object().add("kiosk_id", a.id).add("public_key", a.key.publicKey().hex()).build()
        .toString();
    String bodyB = JsonText.object().add("kiosk_id", b.id).add("public_key", b.key.publicKey().hex()).build()
        .toString();
    Map<String, String> forA = signed(ApiPaths.KIOSKS, bodyA);
    long before = entries();
    assertRefused(replay(recorded(ApiPaths.KIOSKS, bodyB, forA)), 403, ErrorCodes.ADMIN_BAD_SIGNATURE,
        ApiPaths.ADMIN_SIGNATURE);
    // The same body with a byte appended (JSON whitespace: the same kiosk) is another request.
    assertRefused(replay(recorded(ApiPaths.KIOSKS, bodyA + " ", forA)), 403, ErrorCodes.ADMIN_BAD_SIGNATURE);
    assertEquals(before, entries());
    // A refused forgery does not use up the nonce: the original request still goes through, once.
    assertEquals(200, replay(recorded(ApiPaths.KIOSKS, bodyA, forA)).status());
    assertEquals(200, t.adminPost(ApiPaths.KIOSKS, bodyB).statusCode());

    String revokeA = ApiPaths.revokeKiosk(a.id);
    Map<String, String> revokingA = signed(revokeA, "");
    assertRefused(replay(recorded(ApiPaths.revokeKiosk(b.id), "", revokingA)), 403, ErrorCodes.ADMIN_BAD_SIGNATURE);
    assertRefused(replay(recorded(revokeA + "?x=1", "", revokingA)), 403, ErrorCodes.ADMIN_BAD_SIGNATURE);
    // Another action under the revocation's signature.
    assertRefused(replay(recorded(ApiPaths.OPEN_POLLS, "", revokingA)), 403, ErrorCodes.ADMIN_BAD_SIGNATURE);
    // Another administrator's name on it.
    Map<String, String> renamed = new LinkedHashMap<>(revokingA);
    renamed.put(ApiPaths.ADMIN, "root");
    assertRefused(replay(recorded(revokeA, "", renamed)), 403, ErrorCodes.ADMIN_UNKNOWN, "root");
    // Another time on it.
    Map<String, String> redated = new LinkedHashMap<>(revokingA);
    redated.put(ApiPaths.ADMIN_TIME, Long.toString(Long.parseLong(revokingA.get(ApiPaths.ADMIN_TIME)) + 1));
    assertRefused(replay(recorded(revokeA, "", redated)), 403, ErrorCodes.ADMIN_BAD_SIGNATURE);
    assertEquals(before + 2, entries());
    assertEquals(200, replay(recorded(revokeA, "", revokingA)).status());
  }

  @Test
  void anUnknownKey_isRefused() throws Exception {
    AdminCredentials stranger = AdminCredentials.generate("stranger", t.config.extendedHash(), t.random);
    Map<String, String> h = new AdminRequestSigner(stranger, t.random, Clock.systemUTC()).headers("POST",
        ApiPaths.OPEN_POLLS, new byte[0]);
    assertRefused(replay(recorded(ApiPaths.OPEN_POLLS, "", h)), 403, ErrorCodes.ADMIN_UNKNOWN, "stranger");
    // The registered name with another key, and the right key for another election: the signature does not verify.
    for (AdminCredentials forged : new AdminCredentials[] {
        AdminCredentials.generate(t.admin.name(), t.config.extendedHash(), t.random),
        new AdminCredentials(t.admin.name(), org.evote.crypto.hash.Digest.of(new byte[32]), t.admin.key())}) {
      Map<String, String> f = new AdminRequestSigner(forged, t.random, Clock.systemUTC()).headers("POST",
          ApiPaths.OPEN_POLLS, new byte[0]);
      assertRefused(replay(recorded(ApiPaths.OPEN_POLLS, "", f)), 403, ErrorCodes.ADMIN_BAD_SIGNATURE);
    }
    assertEquals("not_opened", TestBoard.json(t.get(ApiPaths.STATUS)).getString("polls"));
  }

  @Test
  void aBearerTokenAlone_isRefused() throws Exception {
    Answer a = replay(recorded(ApiPaths.OPEN_POLLS, "", Map.of(ApiPaths.AUTHORIZATION, "Bearer " + "ab".repeat(32))));
    assertRefused(a, 401, ErrorCodes.ADMIN_HEADER_MISSING, ApiPaths.ADMIN, ApiPaths.AUTHORIZATION);
    assertEquals("not_opened", TestBoard.json(t.get(ApiPaths.STATUS)).getString("polls"));
  }

  @Test
  void eachMissingOrMalformedHeader_isRefusedNamingIt() throws Exception {
    Map<String, String> good = signed(ApiPaths.OPEN_POLLS, "");
    for (String name : good.keySet()) {
      Map<String, String> without = new LinkedHashMap<>(good);
      without.remove(name);
      assertRefused(replay(recorded(ApiPaths.OPEN_POLLS, "", without)), 401, ErrorCodes.ADMIN_HEADER_MISSING, name);
    }
    Map<String, String> bad = Map.of(ApiPaths.ADMIN, "two words", ApiPaths.ADMIN_TIME, "-5",
        ApiPaths.ADMIN_NONCE, "ABCDEF", ApiPaths.ADMIN_SIGNATURE, "00");
    for (var e : bad.entrySet()) {
      Map<String, String> h = new LinkedHashMap<>(good);
      h.put(e.getKey(), e.getValue());
      assertRefused(replay(recorded(ApiPaths.OPEN_POLLS, "", h)), 401, ErrorCodes.ADMIN_HEADER_INVALID, e.getKey());
    }
    assertEquals(200, replay(recorded(ApiPaths.OPEN_POLLS, "", good)).status(), "the good request, untouched");
  }

  @Test
  void revokingAnUnknownKiosk_answers404UnknownKioskNamingIt() throws Exception {
    var r = t.adminPost(ApiPaths.revokeKiosk("K-none"), "");
    assertEquals(404, r.statusCode(), r.body());
    JsonObject error = TestBoard.json(r).getJsonObject("error");
    assertEquals(ErrorCodes.UNKNOWN_KIOSK, error.getString("code"));
    assertTrue(error.getString("message").contains("K-none"), error.getString("message"));
    BoardRefusedException e = assertThrows(BoardRefusedException.class, () -> BoardClient.create(t.base,
        Duration.ofSeconds(30)).admin(t.admin, t.random).revokeKiosk("K-other"));
    assertEquals(ErrorCodes.UNKNOWN_KIOSK, e.code());
    assertEquals(404, e.status());
  }
}
