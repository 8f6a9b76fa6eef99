package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.evote.board.client.ErrorCodes;
import org.evote.crypto.board.Rule;
import org.evote.server.board.Refusal;
import org.junit.jupiter.api.Test;

/** Every error code this server can answer with is one of board-client's ErrorCodes, so clients can decide by it. */
class ErrorCodesTest {
  private static Set<String> published() throws IllegalAccessException {
    Set<String> codes = new HashSet<>();
    for (Field f : ErrorCodes.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        codes.add((String) f.get(null));
      }
    }
    return codes;
  }

  @Test
  void everyRefusalCodeIsPublishedInErrorCodes() throws IllegalAccessException {
    Set<String> published = published();
    List<String> codes = new ArrayList<>();
    for (Rule r : Rule.values()) {
      codes.add(r.apiCode());
    }
    for (Refusal.Reason r : Refusal.Invalid.values()) {
      codes.add(r.code());
    }
    for (Refusal.Reason r : Refusal.Policy.values()) {
      codes.add(r.code());
    }
    for (Refusal.Reason r : Refusal.Conflict.values()) {
      codes.add(r.code());
    }
    for (Refusal.Reason r : Refusal.Unavailable.values()) {
      codes.add(r.code());
    }
    for (String c : codes) {
      assertTrue(published.contains(c), c + " is not in ErrorCodes");
    }
  }
}
