package org.evote.launcher.load;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.evote.board.client.ApiPaths;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.SignedSubmission;

/**
 * The hostile requests of the soak run, all made from one honest kiosk submission (the sample): oversized, deeply
 * nested, malformed, signed by nobody, tampered after signing, and sent where they do not belong. This is the one
 * place that knows the submission's wire form (the signed canonical body with the {@code Evote-Election},
 * {@code Evote-Kiosk} and {@code Evote-Signature} headers, docs/api.md): when it changes, adapt {@link #fromSample}
 * and the variants below, and the rest of the soak run follows.
 */
public final class HostileBodies {
  /** One hostile request: a kind (for the report), where it goes, its extra headers and its body. */
  public record Request(String kind, String path, Map<String, String> headers, byte[] body) {
    public Request {
      headers = Map.copyOf(headers);
    }
  }

  /** The kinds, in the order {@link #next} cycles through them. */
  public static final List<String> KINDS = List.of("oversized", "nested", "malformed", "bad_utf8",
      "bad_signature", "tampered", "cast_to_challenged", "wrong_endpoint", "admin_unauthenticated");

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private final List<Request> requests;

  private HostileBodies(List<Request> requests) {
    this.requests = requests;
  }

  /**
   * The hostile requests made from {@code sampleBody}, a cast submission an honest kiosk sent (as stored in its
   * outbox, {@link SignedSubmission#stored}), for a board whose largest body is {@code maxBodyBytes}.
   */
  public static HostileBodies fromSample(String sampleBody, int maxBodyBytes) {
    // The wire (docs/api.md): the canonical body of the unsigned payload, the signature in headers over its bytes.
    SignedSubmission signed = SignedSubmission.fromStored(EntryKind.BALLOT_CAST, sampleBody);
    JsonObject sample = JsonText.parseObject(signed.body());
    byte[] honest = signed.bodyBytes();
    Map<String, String> headers = headers(signed, signed.signature().hex());
    byte[] oversized = new byte[maxBodyBytes + 1024];
    Arrays.fill(oversized, (byte) ' ');
    oversized[0] = '{';
    oversized[oversized.length - 1] = '}';
    int depth = 100_000;
    String nested = "{\"request_id\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    byte[] badUtf8 = Arrays.copyOf(honest, honest.length);
    badUtf8[honest.length / 2] = (byte) 0xC3;
    badUtf8[honest.length / 2 + 1] = (byte) 0x28;
    String sig = signed.signature().hex();
    String cast = ApiPaths.CAST_BALLOTS;
    return new HostileBodies(List.of(
        new Request("oversized", cast, headers, oversized),
        new Request("nested", cast, headers, nested.getBytes(StandardCharsets.US_ASCII)),
        new Request("malformed", cast, headers, Arrays.copyOf(honest, honest.length / 2)),
        new Request("bad_utf8", cast, headers, badUtf8),
        new Request("bad_signature", cast, headers(signed, flipLastHex(sig)), honest),
        new Request("tampered", cast, headers, utf8(with(sample, "request_id", sample.getString("request_id")
            + "-replayed"))),
        new Request("cast_to_challenged", ApiPaths.CHALLENGED_BALLOTS, headers, honest),
        new Request("wrong_endpoint", "/api/ballot", headers, honest),
        new Request("admin_unauthenticated", ApiPaths.KIOSKS, JSON,
            "{\"kiosk_id\":\"X-rogue\",\"public_key\":\"00\"}".getBytes(StandardCharsets.US_ASCII))));
  }

  private static Map<String, String> headers(SignedSubmission s, String signatureHex) {
    return Map.of("Content-Type", "application/json", ApiPaths.ELECTION_HEADER, s.electionHash().toHex(),
        ApiPaths.KIOSK_HEADER, s.kioskId(), ApiPaths.SIGNATURE_HEADER, signatureHex);
  }

  /** The i-th hostile request, cycling through {@link #KINDS}. */
  public Request next(long i) {
    return requests.get((int) Math.floorMod(i, (long) requests.size()));
  }

  private static JsonObject with(JsonObject o, String member, String value) {
    JsonObjectBuilder b = JsonText.object(o);
    return b.add(member, value).build();
  }

  private static String flipLastHex(String hex) {
    char last = hex.charAt(hex.length() - 1);
    return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
  }

  private static byte[] utf8(JsonObject o) {
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }
}
