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
 * are not structure; all syntax checking is left to the parsers, except two bounds that keep a hostile file's cost
 * linear and its memory bounded whatever its size (protocol §10.2): nesting deeper than {@link #MAX_DEPTH} and a
 * string outside the elements (a member name of the board object) longer than {@link #MAX_SKELETON_STRING} bytes are
 * refused before any parser sees them.
 */
final class SkeletonInputStream extends InputStream {
  /** The largest element accepted; a real entry is tens of kilobytes. */
  static final int MAX_ELEMENT = 64 << 20;
  /** The deepest nesting accepted, counting the board object and its arrays; a real entry is about a dozen deep. */
  static final int MAX_DEPTH = 128;
  /** The longest string accepted outside the elements; the only ones a board file has there are its member names. */
  static final int MAX_SKELETON_STRING = 1024;

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
  private int skeletonString;
  /** Bytes of the file read so far, to say where a bound was crossed. */
  private long offset;

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
      if (element != null) {
        // inside an element: scan to its end or the buffer's, then copy the bytes in one go
        int start = pos;
        boolean closed = false;
        while (pos < limit && !closed) {
          track(buf[pos++]);
          closed = depth == 2;
        }
        offset += pos - start;
        element.write(buf, start, pos - start);
        if (element.size() > MAX_ELEMENT) {
          throw new InvalidFieldException("entries", "an element is larger than " + (MAX_ELEMENT >> 20) + " MiB");
        }
        if (closed) {
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
      byte c = buf[pos++];
      offset++;
      track(c);
      if (inString && ++skeletonString > MAX_SKELETON_STRING) {
        throw new InvalidFieldException("$", "a string outside the entries and heads is longer than "
            + MAX_SKELETON_STRING + " bytes at byte " + offset);
      }
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
      case '"' -> {
        inString = true;
        skeletonString = -1; // the opening quote is counted next
      }
      case '{', '[' -> {
        if (++depth > MAX_DEPTH) {
          throw new InvalidFieldException("$", "nested deeper than " + MAX_DEPTH + " levels at byte " + offset);
        }
      }
      case '}', ']' -> depth--;
      default -> { }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
