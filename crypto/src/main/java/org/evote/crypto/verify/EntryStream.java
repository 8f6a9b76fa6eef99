package org.evote.crypto.verify;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;

/**
 * Reads board entries in order while decoding them on all cores: entry objects are collected into batches, each
 * batch is decoded in parallel (point decoding dominates the cost), and the decoded entries are handed on one by
 * one in board order. Knows no rule of the protocol. Not thread-safe: one thread feeds it.
 */
final class EntryStream implements AutoCloseable {
  /** Entries decoded per thread in one batch. */
  private static final int DECODE_BATCH = 32;

  /** Entry {@code position} of the file, decoded: the entry and its payload, or why either does not decode. */
  record Decoded(long position, BoardEntry entry, EntryPayload payload, String signedText,
      InvalidFieldException entryError, InvalidFieldException payloadError) {}

  private final int threads;
  private final Consumer<Decoded> next;
  private final List<JsonObject> waiting = new ArrayList<>();
  private long position;
  private ExecutorService decoders;

  EntryStream(int threads, Consumer<Decoded> next) {
    this.threads = threads;
    this.next = next;
  }

  void accept(JsonObject entry) {
    waiting.add(entry);
    if (waiting.size() >= DECODE_BATCH * threads) {
      decodeWaiting();
    }
  }

  /** Hands on the entries still waiting. */
  void finish() {
    decodeWaiting();
  }

  private static Decoded decode(JsonObject json, long position) {
    BoardEntry e;
    try {
      e = BoardJson.decodeEntry(Fields.of(json, "entries[" + position + "]"));
    } catch (InvalidFieldException ex) {
      return new Decoded(position, null, null, "", ex, null);
    }
    try {
      JsonObject raw = JsonText.parseObject(e.payload());
      EntryPayload payload = BoardJson.decodePayload(e.kind(), raw);
      return new Decoded(position, e, payload, BoardRulesCheck.signedText(e.kind(), raw), null, null);
    } catch (InvalidFieldException ex) {
      return new Decoded(position, e, null, "", null, ex);
    }
  }

  private void decodeWaiting() {
    if (waiting.isEmpty()) {
      return;
    }
    List<JsonObject> batch = new ArrayList<>(waiting);
    waiting.clear();
    long first = position;
    position += batch.size();
    Decoded[] out = new Decoded[batch.size()];
    int chunks = Math.min(threads, batch.size());
    if (chunks == 1) {
      for (int i = 0; i < out.length; i++) {
        out[i] = decode(batch.get(i), first + i);
      }
    } else {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < chunks; c++) {
        int from = c * out.length / chunks;
        int to = (c + 1) * out.length / chunks;
        futures.add(pool().submit(() -> {
          for (int i = from; i < to; i++) {
            out[i] = decode(batch.get(i), first + i);
          }
        }));
      }
      await(futures);
    }
    for (Decoded d : out) {
      next.accept(d);
    }
  }

  private ExecutorService pool() {
    if (decoders == null) {
      decoders = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "record-decoder");
        t.setDaemon(true);
        return t;
      });
    }
    return decoders;
  }

  private static void await(List<Future<?>> futures) {
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("verification interrupted", ex);
    } catch (ExecutionException ex) {
      throw new IllegalStateException("decoding failed unexpectedly", ex.getCause());
    }
  }

  @Override
  public void close() {
    if (decoders != null) {
      decoders.shutdownNow();
      decoders = null;
    }
  }
}
