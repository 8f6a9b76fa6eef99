package org.evote.crypto.json;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonReaderFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.evote.crypto.InvalidFieldException;

/** Reading and writing JSON text with Jakarta JSON Processing; malformed input becomes {@link InvalidFieldException}. */
public final class JsonText {
  private static final JsonWriterFactory PRETTY =
      Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
  /** Duplicate member names are an error, never "last one wins" (protocol §10.1). */
  static final Map<String, Object> STRICT = Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE);
  private static final JsonReaderFactory READERS = Json.createReaderFactory(STRICT);
  private static final JsonParserFactory PARSERS = Json.createParserFactory(STRICT);

  /**
   * The deepest nesting accepted from an unauthenticated or hostile source ({@link #parseUntrusted}): a ballot
   * submission nests 6 deep; Parsson's own limit is 1,000.
   */
  public static final int UNTRUSTED_MAX_DEPTH = 32;
  /** The longest number accepted by {@link #parseUntrusted}: the protocol's numbers are integers below 2^53. */
  public static final int UNTRUSTED_MAX_NUMBER_CHARS = 32;
  private static final JsonReaderFactory UNTRUSTED = Json.createReaderFactory(Map.of(
      JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE,
      "org.eclipse.parsson.maxDepth", UNTRUSTED_MAX_DEPTH,
      "org.eclipse.parsson.maxBigDecimalLength", UNTRUSTED_MAX_NUMBER_CHARS,
      "org.eclipse.parsson.maxBigIntegerScale", UNTRUSTED_MAX_NUMBER_CHARS));

  private JsonText() {}

  /**
   * Parses a JSON object from strict UTF-8 bytes of a hostile source, in time linear in their length: at most
   * {@code maxBytes} bytes (checked before parsing), nesting at most {@link #UNTRUSTED_MAX_DEPTH} deep, numbers of at
   * most {@link #UNTRUSTED_MAX_NUMBER_CHARS} characters, no duplicate member names.
   */
  public static JsonObject parseUntrusted(byte[] utf8, int maxBytes) {
    if (utf8.length > maxBytes) {
      throw new InvalidFieldException("$", "longer than " + maxBytes + " bytes");
    }
    return asObject(read(UNTRUSTED.createReader(utf8(new java.io.ByteArrayInputStream(utf8)))));
  }

  /** Parses a JSON object. */
  public static JsonObject parseObject(String text) {
    return asObject(read(READERS.createReader(new StringReader(text))));
  }

  /** Parses a JSON object from a stream of strict UTF-8 (malformed bytes are an error, never replaced). */
  public static JsonObject parseObject(InputStream in) {
    return asObject(read(READERS.createReader(utf8(in))));
  }

  /** Parses a JSON object from strict UTF-8 bytes. */
  public static JsonObject parseObject(byte[] utf8) {
    return parseObject(new java.io.ByteArrayInputStream(utf8));
  }

  /** A reader that reports malformed UTF-8 instead of replacing it with U+FFFD (protocol §10.1). */
  static java.io.Reader utf8(InputStream in) {
    return new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT));
  }

  private static JsonStructure read(JsonReader reader) {
    try (JsonReader r = reader) {
      return r.read();
    } catch (JsonParsingException e) {
      throw new InvalidFieldException("$", "malformed JSON at line " + e.getLocation().getLineNumber()
          + ", column " + e.getLocation().getColumnNumber());
    } catch (RuntimeException e) {
      // Parsson also signals some malformed input (nesting deeper than 1,000) with plain runtime exceptions.
      throw new InvalidFieldException("$", "malformed JSON: " + describe(e));
    }
  }

  /** Reads a JSON object from a file. */
  public static JsonObject readObject(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parseObject(in);
    }
  }

  /** Parses a JSON array. */
  public static JsonArray parseArray(String text) {
    JsonStructure s = read(READERS.createReader(new StringReader(text)));
    if (s.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidFieldException("$", "expected a JSON array");
    }
    return (JsonArray) s;
  }

  /**
   * A streaming parser over strict UTF-8, for files read one entry at a time. Read values with
   * {@link #readValue}, which rejects duplicate member names (the parser's own getObject does not).
   */
  public static JsonParser parser(InputStream in) {
    return PARSERS.createParser(utf8(in));
  }

  /**
   * Builds the value that starts with {@code event} from a streaming parser, rejecting duplicate member names at
   * any depth (protocol §10.1).
   */
  public static jakarta.json.JsonValue readValue(JsonParser p, JsonParser.Event event, String path) {
    return readValue(p, event, new Where(null, path, -1));
  }

  /** One built once: {@code Json.createObjectBuilder()} looks its provider up with a ServiceLoader on every call. */
  private static final jakarta.json.JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
  private static final jakarta.json.spi.JsonProvider PROVIDER = jakarta.json.spi.JsonProvider.provider();

  /**
   * A new object builder from the shared factory. Use it instead of {@code Json.createObjectBuilder()}, which looks
   * its provider up with a ServiceLoader on every call (≈ 17 µs here, against 0.03 µs): a county ballot's JSON needs
   * hundreds of builders.
   */
  public static jakarta.json.JsonObjectBuilder object() {
    return BUILDERS.createObjectBuilder();
  }

  /** An object builder starting from a copy of {@code members} (see {@link #object()}). */
  public static jakarta.json.JsonObjectBuilder object(jakarta.json.JsonObject members) {
    return BUILDERS.createObjectBuilder(members);
  }

  /** A new array builder from the shared factory (see {@link #object()}). */
  public static jakarta.json.JsonArrayBuilder array() {
    return BUILDERS.createArrayBuilder();
  }

  /** A JSON string (see {@link #object()}). */
  public static jakarta.json.JsonString string(String value) {
    return PROVIDER.createValue(value);
  }

  /** A JSON number (see {@link #object()}). */
  public static jakarta.json.JsonNumber number(long value) {
    return PROVIDER.createValue(value);
  }

  /** An array builder starting with {@code values} (see {@link #object()}). */
  public static jakarta.json.JsonArrayBuilder array(java.util.Collection<?> values) {
    return BUILDERS.createArrayBuilder(values);
  }

  /** Where a value sits, turned into text only when an error names it. */
  private record Where(Where parent, String key, int index) {
    @Override
    public String toString() {
      String head = parent == null ? "" : parent.toString();
      return key != null ? (head.isEmpty() ? key : head + "." + key) : head + "[" + index + "]";
    }
  }

  private static jakarta.json.JsonValue readValue(JsonParser p, JsonParser.Event event, Where where) {
    switch (event) {
      case START_OBJECT: {
        jakarta.json.JsonObjectBuilder b = BUILDERS.createObjectBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (true) {
          JsonParser.Event e = p.next();
          if (e == JsonParser.Event.END_OBJECT) {
            return b.build();
          }
          String key = p.getString();
          Where child = new Where(where, key, -1);
          if (!seen.add(key)) {
            throw new InvalidFieldException(child.toString(), "duplicate member name");
          }
          b.add(key, readValue(p, p.next(), child));
        }
      }
      case START_ARRAY: {
        jakarta.json.JsonArrayBuilder b = BUILDERS.createArrayBuilder();
        int i = 0;
        while (true) {
          JsonParser.Event e = p.next();
          if (e == JsonParser.Event.END_ARRAY) {
            return b.build();
          }
          b.add(readValue(p, e, new Where(where, null, i++)));
        }
      }
      default:
        return p.getValue();
    }
  }

  static String describe(RuntimeException e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.length() > 200 ? m.substring(0, 200) : m;
  }

  private static JsonObject asObject(JsonStructure s) {
    if (s.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidFieldException("$", "expected a JSON object");
    }
    return (JsonObject) s;
  }

  /** Indented text for files people read. */
  public static String pretty(JsonStructure value) {
    StringWriter w = new StringWriter();
    try (JsonWriter jw = PRETTY.createWriter(w)) {
      jw.write(value);
    }
    return w.toString().strip() + "\n";
  }

  /** Writes indented JSON to a file. */
  public static void write(Path file, JsonStructure value) throws IOException {
    Files.writeString(file, pretty(value));
  }
}
