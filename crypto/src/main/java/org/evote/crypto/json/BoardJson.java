package org.evote.crypto.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.BoardOrigin;
import org.evote.crypto.board.ConsistencyProof;
import org.evote.crypto.board.InclusionProof;
import org.evote.crypto.board.RefusalReason;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryFacts;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.group.Element;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.note.VerifierKey;

/**
 * JSON for board entries, their payloads, signed heads and Merkle proofs (protocol §9, §10.3). An entry's payload
 * is carried as a JSON object and hashed in its RFC 8785 canonical form.
 */
public final class BoardJson {
  private BoardJson() {}

  public static JsonObject encode(BoardEntry e) {
    return JsonText.object().add("sequence", e.sequence()).add("kind", e.kind().wireName())
        .add("timestamp", e.timestamp()).add("payload", JsonText.parseObject(e.payload()))
        .add("previous_hash", e.previousHash().toHex()).add("entry_hash", e.entryHash().toHex()).build();
  }

  /** Decodes an entry; the payload is canonicalized but not interpreted (see {@link #decodePayload}). */
  public static BoardEntry decodeEntry(Fields f) {
    f.only(Set.of("sequence", "kind", "timestamp", "payload", "previous_hash", "entry_hash"));
    String kindName = f.string("kind");
    EntryKind kind = EntryKind.fromWire(kindName).orElseThrow(() -> new InvalidFieldException(f.path("kind"),
        "unknown entry kind '" + kindName + "'"));
    String payload = CanonicalJson.write(f.rawObject("payload"));
    return f.build(() -> new BoardEntry(f.integer("sequence", 0, Long.MAX_VALUE), kind,
        f.integer("timestamp", 0, Long.MAX_VALUE), payload, f.digest("previous_hash"), f.digest("entry_hash")));
  }

  /** Canonical payload text for a typed payload. */
  public static String payloadText(EntryPayload p) {
    return CanonicalJson.write(encodePayload(p));
  }

  public static JsonObject encodePayload(EntryPayload p) {
    JsonObjectBuilder b = JsonText.object();
    if (p instanceof EntryPayload.ElectionPublished e) {
      b.add("election", JsonText.parseObject(e.electionJson())).add("board_public_key", e.boardKey().hex())
          .add("checkpoint_key", e.checkpointKey().encoded());
    } else if (p instanceof EntryPayload.KioskRegistered k) {
      b.add("kiosk_id", k.kioskId()).add("public_key", k.publicKey().hex());
    } else if (p instanceof EntryPayload.KioskRevoked k) {
      b.add("kiosk_id", k.kioskId()).add("reason", k.reason());
    } else if (p instanceof EntryPayload.BallotCast c) {
      b.add("request_id", c.requestId()).add("ballot", BallotJson.encode(c.ballot()))
          .add("signature", c.signature().hex());
    } else if (p instanceof EntryPayload.BallotChallenged c) {
      b.add("request_id", c.requestId()).add("ballot", BallotJson.encode(c.ballot())).add("seed", c.seed().toHex())
          .add("plaintext", BallotJson.encode(c.plaintext())).add("signature", c.signature().hex());
    } else if (p instanceof EntryPayload.BallotRefused r) {
      b.add("submission_kind", r.submissionKind().wireName()).add("submission", encodePayload(r.submission()))
          .add("reason", r.reason().wireName());
    } else if (p instanceof EntryPayload.PollsClosed c) {
      JsonArrayBuilder chains = JsonText.array();
      for (EntryPayload.ChainClose ch : c.chains()) {
        chains.add(JsonText.object().add("kiosk_id", ch.kioskId()).add("ballots", ch.ballots())
            .add("last_code", ch.lastCode().toHex()).add("close_hash", ch.closeHash().toHex()));
      }
      b.add("chains", chains);
    } else if (p instanceof EntryPayload.TallyPublished t) {
      b.add("tally_hash", t.tallyHash().toHex()).add("shares_hash", t.sharesHash().toHex())
          .add("result_hash", t.resultHash().toHex());
    }
    return b.build();
  }

  /** Reads an entry's payload according to its kind, naming the bad field on failure. */
  public static EntryPayload decodePayload(BoardEntry e) {
    return decodePayload(e.kind(), JsonText.parseObject(e.payload()));
  }

  /**
   * {@link BallotJson#checkSize} of a ballot submission's payload ({@code payload.ballot}): a board calls it before
   * {@link #decodePayload(EntryKind, JsonObject)}, so that no point of a ballot too large for its style is decoded.
   *
   * @throws InvalidFieldException naming the array that does not fit
   */
  public static void checkBallotSize(JsonObject payload, org.evote.crypto.manifest.Manifest manifest) {
    if (payload.get("ballot") instanceof JsonObject ballot) {
      BallotJson.checkSize(ballot, manifest, "payload.ballot");
    }
  }

  /** Reads a payload of the given kind (a kiosk submission before it is on the board, for instance). */
  public static EntryPayload decodePayload(EntryKind kind, JsonObject payload) {
    return decodePayload(kind, payload, "payload");
  }

  private static EntryPayload decodePayload(EntryKind kind, JsonObject payload, String path) {
    Fields f = Fields.of(payload, path);
    return switch (kind) {
      case ELECTION_PUBLISHED -> {
        f.only(Set.of("election", "board_public_key", "checkpoint_key"));
        JsonObject election = f.rawObject("election");
        Digest he = f.object("election").digest("extended_hash");
        VerifierKey checkpointKey = VerifierKey.parse(f.string("checkpoint_key"), f.path("checkpoint_key"));
        BoardOrigin.ofCheckpointKey(checkpointKey, he, f.path("checkpoint_key"));
        yield new EntryPayload.ElectionPublished(he, CanonicalJson.write(election),
            publicKey(f, "board_public_key"), checkpointKey);
      }
      case POLLS_OPENED -> {
        f.only(Set.of());
        yield new EntryPayload.PollsOpened();
      }
      case KIOSK_REGISTERED -> {
        f.only(Set.of("kiosk_id", "public_key"));
        yield new EntryPayload.KioskRegistered(f.id("kiosk_id"), publicKey(f, "public_key"));
      }
      case KIOSK_REVOKED -> {
        f.only(Set.of("kiosk_id", "reason"));
        yield new EntryPayload.KioskRevoked(f.id("kiosk_id"), f.string("reason"));
      }
      case BALLOT_CAST -> {
        f.only(Set.of("request_id", "ballot", "signature"));
        yield new EntryPayload.BallotCast(f.id("request_id"), BallotJson.decodeBallot(f.object("ballot")),
            signature(f));
      }
      case BALLOT_CHALLENGED -> {
        f.only(Set.of("request_id", "ballot", "seed", "plaintext", "signature"));
        yield new EntryPayload.BallotChallenged(f.id("request_id"), BallotJson.decodeBallot(f.object("ballot")),
            BallotSeed.decode(f.string("seed"), f.path("seed")), BallotJson.decodePlaintext(f.object("plaintext")),
            signature(f));
      }
      case BALLOT_REFUSED -> {
        f.only(Set.of("submission_kind", "submission", "reason"));
        EntryKind submitted = submissionKind(f);
        RefusalReason reason = reason(f);
        yield new EntryPayload.BallotRefused(submitted, decodePayload(submitted, f.rawObject("submission"),
            f.path("submission")), reason);
      }
      case POLLS_CLOSED -> {
        f.only(Set.of("chains"));
        yield new EntryPayload.PollsClosed(f.objects("chains", 0, 1_000_000, c -> {
          c.only(Set.of("kiosk_id", "ballots", "last_code", "close_hash"));
          return new EntryPayload.ChainClose(c.id("kiosk_id"), c.integer("ballots", 0, Long.MAX_VALUE),
              c.digest("last_code"), c.digest("close_hash"));
        }));
      }
      case TALLY_PUBLISHED -> {
        f.only(Set.of("tally_hash", "shares_hash", "result_hash"));
        yield new EntryPayload.TallyPublished(f.digest("tally_hash"), f.digest("shares_hash"),
            f.digest("result_hash"));
      }
    };
  }

  /**
   * What the board's rules read of an entry ({@link EntryFacts}). A ballot's facts are read without decoding any
   * point: its α encodings are checked for form only, so a stored board replays at the speed of JSON parsing.
   * The full decoding ({@link #decodePayload}) still decides whether a submission is acceptable.
   */
  public static EntryFacts decodeFacts(BoardEntry e) {
    return decodeFacts(e.kind(), JsonText.parseObject(e.payload()));
  }

  /** The facts of a typed payload (for a ballot, with the canonical text its kiosk signs). */
  public static EntryFacts facts(EntryPayload p) {
    boolean ballot = p instanceof EntryPayload.BallotCast || p instanceof EntryPayload.BallotChallenged;
    if (p instanceof EntryPayload.BallotRefused r) {
      return EntryFacts.of(p, unsignedPayloadText(encodePayload(r.submission())));
    }
    return EntryFacts.of(p, ballot ? unsignedPayloadText(encodePayload(p)) : "");
  }

  /**
   * The canonical payload of the {@code ballot_refused} entry recording the kiosk's submission of
   * {@code submissionKind} whose canonical payload text (with its signature, without election_hash) is
   * {@code submissionPayload} (§9.1): what the board appends and a kiosk recomputes from its own submission.
   */
  public static String refusedPayloadText(EntryKind submissionKind, String submissionPayload, RefusalReason reason) {
    if (submissionKind != EntryKind.BALLOT_CAST && submissionKind != EntryKind.BALLOT_CHALLENGED) {
      throw new IllegalArgumentException("only ballots are refused: " + submissionKind);
    }
    return CanonicalJson.write(JsonText.object().add("submission_kind", submissionKind.wireName())
        .add("submission", JsonText.parseObject(submissionPayload)).add("reason", reason.wireName()).build());
  }

  private static EntryKind submissionKind(Fields f) {
    String name = f.string("submission_kind");
    return EntryKind.fromWire(name).filter(k -> k == EntryKind.BALLOT_CAST || k == EntryKind.BALLOT_CHALLENGED)
        .orElseThrow(() -> new InvalidFieldException(f.path("submission_kind"), "must be ballot_cast or "
            + "ballot_challenged"));
  }

  private static RefusalReason reason(Fields f) {
    String name = f.string("reason");
    return RefusalReason.fromWire(name).orElseThrow(() -> new InvalidFieldException(f.path("reason"),
        "unknown refusal reason '" + name + "'"));
  }

  /** The facts of a payload of the given kind. */
  public static EntryFacts decodeFacts(EntryKind kind, JsonObject payload) {
    if (kind == EntryKind.BALLOT_REFUSED) {
      Fields f = Fields.of(payload, "payload");
      f.only(Set.of("submission_kind", "submission", "reason"));
      EntryKind submitted = submissionKind(f);
      RefusalReason reason = reason(f);
      return new EntryFacts.Refused(ballotFacts(submitted, f.rawObject("submission"), f.path("submission")),
          reason);
    }
    if (kind != EntryKind.BALLOT_CAST && kind != EntryKind.BALLOT_CHALLENGED) {
      return new EntryFacts.Control(decodePayload(kind, payload));
    }
    return ballotFacts(kind, payload, "payload");
  }

  private static EntryFacts.Ballot ballotFacts(EntryKind kind, JsonObject payload, String path) {
    Fields f = Fields.of(payload, path);
    Fields b = f.object("ballot");
    List<String> alphas = new java.util.ArrayList<>();
    java.util.function.Function<Fields, String> alpha = ct -> {
      String text = ct.string("alpha");
      Element.checkText(text, ct.path("alpha"));
      alphas.add(text);
      return text;
    };
    b.objects("contests", 0, BallotJson.MAX_ITEMS, c -> {
      if (c.has("selections")) {
        c.objects("selections", 1, BallotJson.MAX_ITEMS, s -> alpha.apply(s.object("ciphertext")));
      }
      if (c.has("ranks")) {
        c.objects("ranks", 1, BallotJson.MAX_ITEMS, r -> alpha.apply(r.object("ciphertext")));
      }
      if (c.has("write_ins")) {
        c.objects("write_ins", 1, BallotJson.MAX_ITEMS,
            w -> w.objects("ciphertexts", 1, BallotJson.MAX_ITEMS, alpha));
      }
      return c;
    });
    return f.build(() -> new EntryFacts.Ballot(kind, f.id("request_id"), b.id("ballot_id"), b.id("kiosk_id"),
        b.digest("previous_code"), b.digest("confirmation_code"), b.integer("timestamp", 0, Long.MAX_VALUE),
        alphas, signature(f), unsignedPayloadText(payload)));
  }

  /** The canonical text a kiosk signs: the payload without its "signature" member (§9.5). */
  public static String unsignedPayloadText(JsonObject payload) {
    JsonObjectBuilder b = JsonText.object(payload);
    b.remove("signature");
    return CanonicalJson.write(b.build());
  }

  private static Ed25519.PublicKey publicKey(Fields f, String name) {
    try {
      return new Ed25519.PublicKey(f.string(name));
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException(f.path(name), e.reason());
    }
  }

  private static Ed25519.Signature signature(Fields f) {
    try {
      return new Ed25519.Signature(f.string("signature"));
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException(f.path("signature"), e.reason());
    }
  }

  public static JsonObject encode(SignedHead h) {
    return JsonText.object().add("size", h.size()).add("head_hash", h.headHash().toHex())
        .add("merkle_root", h.merkleRoot().toHex()).add("timestamp", h.timestamp())
        .add("signature", h.signature().hex()).build();
  }

  public static SignedHead decodeHead(Fields f) {
    f.only(Set.of("size", "head_hash", "merkle_root", "timestamp", "signature"));
    Ed25519.Signature sig = signature(f);
    return f.build(() -> new SignedHead(f.integer("size", 1, Long.MAX_VALUE), f.digest("head_hash"),
        f.digest("merkle_root"), f.integer("timestamp", 0, Long.MAX_VALUE), sig));
  }

  public static JsonObject encode(InclusionProof p) {
    return encodeInclusion(p.index(), p.size(), p.path());
  }

  public static InclusionProof decodeInclusion(Fields f) {
    f.only(Set.of("index", "size", "path"));
    long size = f.integer("size", 1, Long.MAX_VALUE);
    long index = f.integer("index", 0, size - 1);
    return new InclusionProof(index, size, decodePath(f));
  }

  public static JsonObject encode(ConsistencyProof p) {
    return encodeConsistency(p.first(), p.second(), p.path());
  }

  public static ConsistencyProof decodeConsistency(Fields f) {
    f.only(Set.of("first", "second", "path"));
    long second = f.integer("second", 0, Long.MAX_VALUE);
    return new ConsistencyProof(f.integer("first", 0, second), second, decodePath(f));
  }

  /** {"index", "size", "path": [hex…]} for an inclusion proof. */
  public static JsonObject encodeInclusion(long index, long size, List<Digest> path) {
    return JsonText.object().add("index", index).add("size", size).add("path", hexes(path)).build();
  }

  /** {"first", "second", "path": [hex…]} for a consistency proof. */
  public static JsonObject encodeConsistency(long first, long second, List<Digest> path) {
    return JsonText.object().add("first", first).add("second", second).add("path", hexes(path)).build();
  }

  /** The path of an inclusion or consistency proof. */
  public static List<Digest> decodePath(Fields f) {
    return f.list("path", 0, 64, (v, p) -> Digest.decode(CeremonyJson.str(v, p), p));
  }

  private static JsonArrayBuilder hexes(List<Digest> path) {
    JsonArrayBuilder a = JsonText.array();
    for (Digest d : path) {
      a.add(d.toHex());
    }
    return a;
  }
}
