package org.evote.crypto.record;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.verify.RecordVerifier;

/**
 * The board file (protocol §10.2): one JSON object {"entries": [...], "signed_heads": [...]}, the export of the
 * ballot server and the input of the tally tool. Written and read in a streaming way, one entry at a time, so a
 * board of any size fits in bounded memory.
 */
public final class BoardFile implements RecordVerifier.BoardSource {
  private final Path path;
  private final Path checkpoint;
  private List<JsonObject> heads = new ArrayList<>();

  private BoardFile(Path path, Path checkpoint) {
    this.path = path;
    this.checkpoint = checkpoint;
  }

  /** A board file published without its checkpoint. */
  public static BoardFile open(Path path) {
    return new BoardFile(path, null);
  }

  /**
   * A board file and the file of its final checkpoint (§9.8, {@code checkpoint.txt}); a {@code checkpoint} that
   * does not exist counts as none.
   */
  public static BoardFile open(Path path, Path checkpoint) {
    return new BoardFile(path, checkpoint);
  }

  /** The checkpoint file's bytes; refuses one larger than a signed note may be without reading it all. */
  @Override
  public java.util.Optional<byte[]> checkpoint() throws IOException {
    if (checkpoint == null || !Files.exists(checkpoint)) {
      return java.util.Optional.empty();
    }
    try (java.io.InputStream in = Files.newInputStream(checkpoint)) {
      byte[] b = in.readNBytes(org.evote.crypto.note.SignedNote.MAX_BYTES + 1);
      if (b.length > org.evote.crypto.note.SignedNote.MAX_BYTES) {
        throw new InvalidFieldException(RecordFiles.CHECKPOINT, "larger than "
            + org.evote.crypto.note.SignedNote.MAX_BYTES + " bytes");
      }
      return java.util.Optional.of(b);
    }
  }

  @Override
  public void forEachEntry(Consumer<JsonObject> consumer) throws IOException {
    heads = new ArrayList<>();
    try (SkeletonInputStream in = new SkeletonInputStream(Files.newInputStream(path));
        JsonParser p = JsonText.parser(in)) {
      if (!p.hasNext() || p.next() != JsonParser.Event.START_OBJECT) {
        throw new InvalidFieldException("$", "board file must be a JSON object");
      }
      boolean sawEntries = false;
      java.util.Set<String> seen = new java.util.HashSet<>();
      while (p.hasNext()) {
        JsonParser.Event ev = p.next();
        if (ev == JsonParser.Event.END_OBJECT) {
          break;
        }
        if (ev != JsonParser.Event.KEY_NAME) {
          throw new InvalidFieldException("$", "malformed board file");
        }
        String key = p.getString();
        if (!seen.add(key)) {
          throw new InvalidFieldException(key, "duplicate member name");
        }
        if (key.equals("entries")) {
          sawEntries = true;
          if (p.next() != JsonParser.Event.START_ARRAY) {
            throw new InvalidFieldException("entries", "expected an array");
          }
          while (p.hasNext()) {
            JsonParser.Event e = p.next();
            if (e == JsonParser.Event.END_ARRAY) {
              break;
            }
            if (e != JsonParser.Event.START_OBJECT) {
              throw new InvalidFieldException("entries", "every entry must be a JSON object");
            }
            consumer.accept(element(p, in, "entries[]"));
          }
        } else if (key.equals("signed_heads")) {
          JsonParser.Event start = p.next();
          if (start != JsonParser.Event.START_ARRAY) {
            throw new InvalidFieldException("signed_heads", "expected an array");
          }
          while (p.hasNext()) {
            JsonParser.Event e = p.next();
            if (e == JsonParser.Event.END_ARRAY) {
              break;
            }
            if (e != JsonParser.Event.START_OBJECT) {
              throw new InvalidFieldException("signed_heads", "every head must be a JSON object");
            }
            heads.add(element(p, in, "signed_heads[]"));
          }
        } else {
          throw new InvalidFieldException(key, "unknown field");
        }
      }
      if (!sawEntries) {
        throw new InvalidFieldException("entries", "missing field");
      }
      if (p.hasNext()) {
        throw new InvalidFieldException("$", "content after the board object");
      }
    } catch (JsonParsingException e) {
      throw new InvalidFieldException("$", "malformed JSON at line " + e.getLocation().getLineNumber()
          + ", column " + e.getLocation().getColumnNumber());
    } catch (jakarta.json.JsonException | IllegalStateException e) {
      throw new InvalidFieldException("$", "malformed JSON: " + e.getMessage());
    }
  }

  /**
   * The number of entries in the file, counted without parsing them (the total of a progress bar): linear in the
   * file's size, bounded memory. Empty if the file cannot be read or is malformed; verifying it then says why.
   */
  public java.util.OptionalLong countEntries() {
    try (SkeletonInputStream in = new SkeletonInputStream(Files.newInputStream(path));
        JsonParser p = JsonText.parser(in)) {
      String key = null;
      int depth = 0;
      long n = 0;
      while (p.hasNext()) {
        switch (p.next()) {
          case KEY_NAME -> key = depth == 1 ? p.getString() : key;
          case START_OBJECT -> {
            if (++depth == 3) {
              in.nextElement();
              n += "entries".equals(key) ? 1 : 0;
            }
          }
          case START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          default -> { }
        }
      }
      return java.util.OptionalLong.of(n);
    } catch (IOException | RuntimeException e) {
      return java.util.OptionalLong.empty();
    }
  }

  /** The element whose {@code {}} placeholder the parser is at, parsed on its own (strict, duplicates rejected). */
  private static JsonObject element(JsonParser p, SkeletonInputStream in, String path) {
    if (!p.hasNext() || p.next() != JsonParser.Event.END_OBJECT) {
      throw new InvalidFieldException(path, "malformed board file");
    }
    try (JsonParser element = JsonText.parser(new java.io.ByteArrayInputStream(in.nextElement()))) {
      JsonObject value = (JsonObject) JsonText.readValue(element, element.next(), path);
      if (element.hasNext()) {
        throw new InvalidFieldException(path, "malformed board file");
      }
      return value;
    }
  }

  @Override
  public List<JsonObject> heads() {
    return heads;
  }

  /** Writes a board file from entries and heads. */
  public static void write(Path path, Iterable<BoardEntry> entries, List<SignedHead> heads) throws IOException {
    try (OutputStream out = Files.newOutputStream(path)) {
      write(out, entries, heads);
    }
  }

  /** Streams a board file to {@code out}. */
  public static void write(OutputStream out, Iterable<BoardEntry> entries, List<SignedHead> heads) {
    Iterable<JsonObject> encoded = () -> new java.util.Iterator<>() {
      final java.util.Iterator<BoardEntry> it = entries.iterator();

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public JsonObject next() {
        return BoardJson.encode(it.next());
      }
    };
    writeJson(out, encoded, heads.stream().map(BoardJson::encode).toList());
  }

  /**
   * Streams a board file whose entries and heads are given as JSON as they are, unchecked: for writing out a damaged
   * board so that the verifier can name what is wrong with it.
   */
  public static void writeJson(OutputStream out, Iterable<JsonObject> entries, Iterable<JsonObject> heads) {
    try (JsonGenerator g = Json.createGenerator(out)) {
      g.writeStartObject();
      g.writeStartArray("entries");
      for (JsonObject e : entries) {
        g.write(e);
      }
      g.writeEnd();
      g.writeStartArray("signed_heads");
      for (JsonObject h : heads) {
        g.write(h);
      }
      g.writeEnd();
      g.writeEnd();
    }
  }
}
