package org.evote.crypto.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.evote.crypto.hash.Digest;
import org.junit.jupiter.api.Test;

/** The message an administrator signs binds every part of the request (docs/api.md, "Administrators"). */
class AdminRequestsTest {
  private static final Digest H_E = Digest.of(new byte[32]);
  private static final String NONCE = "0123456789abcdef0123456789abcdef";

  @Test
  void everyPartOfTheRequestChangesTheMessage() {
    byte[] body = "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    byte[] other = new byte[32];
    other[0] = 1;
    List<Digest> messages = List.of(
        AdminRequests.message(H_E, "admin", "POST", "/api/admin/polls/open", 1000, NONCE, body),
        AdminRequests.message(Digest.of(other), "admin", "POST", "/api/admin/polls/open", 1000, NONCE, body),
        AdminRequests.message(H_E, "admin2", "POST", "/api/admin/polls/open", 1000, NONCE, body),
        AdminRequests.message(H_E, "admin", "PUT", "/api/admin/polls/open", 1000, NONCE, body),
        AdminRequests.message(H_E, "admin", "POST", "/api/admin/polls/close", 1000, NONCE, body),
        AdminRequests.message(H_E, "admin", "POST", "/api/admin/polls/open?x", 1000, NONCE, body),
        AdminRequests.message(H_E, "admin", "POST", "/api/admin/polls/open", 1001, NONCE, body),
        AdminRequests.message(H_E, "admin", "POST", "/api/admin/polls/open", 1000, "f" + NONCE.substring(1), body),
        AdminRequests.message(H_E, "admin", "POST", "/api/admin/polls/open", 1000, NONCE, new byte[0]));
    Set<Digest> distinct = new HashSet<>(messages);
    assertEquals(messages.size(), distinct.size());
    assertEquals(messages.get(0), AdminRequests.message(H_E, "admin", "POST", "/api/admin/polls/open", 1000, NONCE,
        body.clone()), "deterministic");
  }

  @Test
  void noncesAreFreshLowercaseHex() {
    SecureRandom random = new SecureRandom();
    String a = AdminRequests.nonce(random);
    assertTrue(AdminRequests.isNonce(a), a);
    assertFalse(a.equals(AdminRequests.nonce(random)));
    assertFalse(AdminRequests.isNonce(a.toUpperCase()));
    assertFalse(AdminRequests.isNonce(a + "0"));
    assertFalse(AdminRequests.isNonce(null));
    assertThrows(IllegalArgumentException.class,
        () -> AdminRequests.message(H_E, "admin", "POST", "/", 1, "xyz", new byte[0]));
    assertThrows(IllegalArgumentException.class,
        () -> AdminRequests.message(H_E, "two words", "POST", "/", 1, NONCE, new byte[0]));
  }
}
