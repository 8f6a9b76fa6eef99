package org.evote.crypto.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import org.evote.crypto.InvalidFieldException;

/**
 * Splits a board file so that files of any size can be read: every JSON object that opens inside a top-level array (an element
 * of the top-level "entries" or "signed_heads" array) is taken out and queued as raw bytes, and the stream carries
 * {@code {}} in its place. The skeleton left is parsed strictly by one streaming parser and each queued element by
 * a fresh one, so no parser ever sees more than one element — JSON parsers cap the size of one document (Parsson at
 * 15 million characters), and a county's board is gigabytes. Tracks strings and escapes so braces inside strings
 * are not structure; all syntax checking is left to the parsers.
 */
final class SkeletonInputStream extends InputStream {
  /** The largest element accepted; a real entry is tens of kilobytes. */
  static final int MAX_ELEMENT = 64 << 20;

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private final Deque<byte[]> elements = new ArrayDeque<>();
  private int depth;
  private boolean inString;
  private boolean escape;
  private ByteArrayOutputStream element;
  private int pendingClose;

  SkeletonInputStream(InputStream in) {
    this.in = in;
  }

  /** The next element taken out of the stream, in order; call once per {@code {}} the skeleton parser reads. */
  byte[] nextElement() {
    byte[] e = elements.pollFirst();
    if (e == null) {
      throw new IllegalStateException("no element queued");
    }
    return e;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  /** Nothing is "available" without blocking: readers then consume one placeholder at a time (bounded memory). */
  @Override
  public int available() {
    return 0;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    if (pendingClose > 0) {
      b[off] = '}';
      pendingClose = 0;
      return 1;
    }
    while (n < len) {
      if (pos == limit) {
        limit = in.read(buf, 0, buf.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          return n == 0 ? -1 : n;
        }
      }
      byte c = buf[pos++];
      if (element != null) {
        element.write(c);
        track(c);
        if (element.size() > MAX_ELEMENT) {
          throw new InvalidFieldException("entries", "an element is larger than " + (MAX_ELEMENT >> 20) + " MiB");
        }
        if (depth == 2) {
          elements.addLast(element.toByteArray());
          element = null;
          b[off + n++] = '{';
          if (n < len) {
            b[off + n++] = '}';
          } else {
            pendingClose = 1;
          }
          return n; // one placeholder per read: the parser cannot run far ahead of the queue
        }
        continue;
      }
      track(c);
      if (!inString && c == '{' && depth == 3) { // { "entries": [ {
        element = new ByteArrayOutputStream(64 << 10);
        element.write(c);
        continue;
      }
      b[off + n++] = c;
    }
    return n;
  }

  private void track(byte c) {
    if (inString) {
      if (escape) {
        escape = false;
      } else if (c == '\\') {
        escape = true;
      } else if (c == '"') {
        inString = false;
      }
      return;
    }
    switch (c) {
      case '"' -> inString = true;
      case '{', '[' -> depth++;
      case '}', ']' -> depth--;
      default -> { }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
