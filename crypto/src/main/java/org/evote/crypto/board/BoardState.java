package org.evote.crypto.board;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.hash.Digest;

/**
 * The board's rules (protocol §9.6) as a state machine, and the one home of every one of them: what the board so
 * far allows to follow it ({@link #admit}), what an appended entry changes ({@link #apply}), and the chain closes a
 * {@code polls_closed} entry must carry ({@link #closing}). The ballot server admits each write with it and replays
 * its stored board through it at start; the verifier runs V7, V8 (board level) and V12 with it; fixtures build
 * their boards with it. Pure: no I/O, no clock, no randomness.
 *
 * <p>Memory: the ballot ids, (kiosk, request id) pairs and selection ciphertexts seen are kept as 16-byte
 * fingerprints ({@link FingerprintSet}), about 1.1 KB per ballot of 50 selections.
 *
 * <p>Threads: one thread admits and applies; {@link #kiosk}, {@link #polls} and the counts may be read from others.
 */
public final class BoardState {
  /** Where the polls stand. */
  public enum Polls { NOT_OPENED, OPEN, CLOSED }

  /** A registered kiosk: its submission key and whether it was revoked. */
  public record Kiosk(String kioskId, Ed25519.PublicKey publicKey, boolean revoked) {}

  /**
   * A kiosk's confirmation-code chain (§5.4): its head (H_0 before any ballot), the time of its last accepted
   * ballot, and its links N — accepted and refused ballots alike.
   */
  public record Chain(Digest head, long lastTime, long ballots) {}

  /**
   * Rule BALLOT_NOT_AFTER_ENTRY's tolerance: a ballot's timestamp may be at most this many seconds after its
   * entry's time (§9.6). Kiosks date ballots by the board's unsigned status time; the tolerance keeps an honest
   * ballot from being refused when the board's clock steps back a little, and keeps a board from recording honest
   * ballots as justified {@code future_ballot} refusals by dating its entries a few seconds early. Board time never
   * follows a kiosk's: entries are dated by the board's clock alone.
   */
  public static final long BALLOT_AHEAD_TOLERANCE_SECONDS = 60;

  private final Digest extendedHash;
  private final String electionJson;
  private final Map<String, Kiosk> kiosks = new ConcurrentHashMap<>();
  private final Map<String, Chain> chains = new ConcurrentHashMap<>();
  /** Kiosk ids revoked, even before (wrongly) being registered: revocation is permanent. */
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final FingerprintSet ballotIds = new FingerprintSet();
  private final FingerprintSet requests = new FingerprintSet();
  private final FingerprintSet alphas = new FingerprintSet();
  private volatile Polls polls = Polls.NOT_OPENED;
  private volatile long cast;
  private volatile long challenged;
  private volatile long refused;
  private volatile long lastTime;
  private volatile Ed25519.PublicKey boardKey;
  private volatile org.evote.crypto.note.VerifierKey checkpointKey;
  private volatile EntryPayload.TallyPublished tally;

  /**
   * An empty board for the election with extended hash H_E whose {@code election} object has the canonical JSON
   * {@code electionJson} (what entry 0 must publish).
   */
  public BoardState(Digest extendedHash, String electionJson) {
    if (extendedHash == null || electionJson == null) {
      throw new IllegalArgumentException("a board state needs the election");
    }
    this.extendedHash = extendedHash;
    this.electionJson = electionJson;
  }

  /** How {@link #admit} treats a ballot's kiosk signature (rule BALLOT_SIGNED_BY_KIOSK). */
  public enum Signature {
    /** Verify it. */
    VERIFY,
    /**
     * The caller verified it, with {@link #submitter}, under the kiosk's registered key — which never changes,
     * as a kiosk id is registered once — so it is not verified again.
     */
    VERIFIED_BY_CALLER
  }

  /** Every rule an entry with these facts, sequence number and time would break if appended now. */
  public Admission admit(EntryFacts facts, long sequence, long timestamp) {
    return admit(facts, sequence, timestamp, Signature.VERIFY);
  }

  /** {@link #admit(EntryFacts, long, long)}, with a ballot's signature treated as {@code signature} says. */
  public Admission admit(EntryFacts facts, long sequence, long timestamp, Signature signature) {
    List<Violation> v = new ArrayList<>();
    if (timestamp < lastTime) {
      v.add(new Violation(Rule.TIME_NOT_BACKWARDS, "time goes backwards"));
    }
    if ((sequence == 0) != (facts.kind() == EntryKind.ELECTION_PUBLISHED)) {
      v.add(new Violation(Rule.ELECTION_FIRST, "the election must be published by entry 0 and only there"));
    }
    if (facts instanceof EntryFacts.Ballot b) {
      ballot(b, timestamp, signature, v);
    } else if (facts instanceof EntryFacts.Refused r) {
      refused(r, timestamp, signature, v);
    } else {
      control(((EntryFacts.Control) facts).payload(), v);
    }
    return Admission.of(v);
  }

  /**
   * The rules of a non-ballot entry. A switch expression over every kind, without a default: a new kind of entry does
   * not compile until its rules are written here (and its state change in {@link #apply}).
   */
  private void control(EntryPayload payload, List<Violation> v) {
    Runnable rules = switch (payload.kind()) {
      case ELECTION_PUBLISHED -> () -> {
        EntryPayload.ElectionPublished p = (EntryPayload.ElectionPublished) payload;
        if (!p.extendedHash().equals(extendedHash)) {
          v.add(new Violation(Rule.ELECTION_MATCHES, "publishes an election with another extended hash"));
        } else if (!p.electionJson().equals(electionJson)) {
          v.add(new Violation(Rule.ELECTION_MATCHES, "the published election differs from election.json"));
        }
      };
      case POLLS_OPENED -> () -> {
        if (polls != Polls.NOT_OPENED) {
          v.add(new Violation(Rule.POLLS_OPEN_ONCE, "the polls were already opened; they open once"));
        }
      };
      case KIOSK_REGISTERED -> () -> {
        EntryPayload.KioskRegistered k = (EntryPayload.KioskRegistered) payload;
        if (kiosks.containsKey(k.kioskId())) {
          v.add(new Violation(Rule.KIOSK_REGISTERED_ONCE, "kiosk " + k.kioskId() + " is already registered"));
        }
        if (polls == Polls.CLOSED) {
          v.add(new Violation(Rule.KIOSK_REGISTERED_BEFORE_CLOSE, "kiosk registered after the polls closed"));
        }
      };
      case KIOSK_REVOKED -> () -> {
        EntryPayload.KioskRevoked k = (EntryPayload.KioskRevoked) payload;
        if (!kiosks.containsKey(k.kioskId())) {
          v.add(new Violation(Rule.REVOKED_KIOSK_REGISTERED, "revokes kiosk " + k.kioskId()
              + ", which is not registered"));
        }
      };
      case POLLS_CLOSED -> () -> {
        if (polls != Polls.OPEN) {
          v.add(new Violation(Rule.POLLS_CLOSE_AFTER_OPEN, polls == Polls.CLOSED ? "the polls are already closed"
              : "polls closed without being open"));
        }
        closes((EntryPayload.PollsClosed) payload, v);
      };
      case TALLY_PUBLISHED -> () -> {
        if (polls != Polls.CLOSED) {
          v.add(new Violation(Rule.TALLY_AFTER_CLOSE, "tally published before the polls closed"));
        }
        if (tally != null) {
          v.add(new Violation(Rule.TALLY_ONCE, "the tally is already on the board"));
        }
      };
      case BALLOT_CAST, BALLOT_CHALLENGED, BALLOT_REFUSED -> throw new IllegalStateException(
          "ballots are EntryFacts.Ballot or Refused");
    };
    rules.run();
  }

  private void ballot(EntryFacts.Ballot b, long timestamp, Signature signature, List<Violation> v) {
    String ballot = "ballot " + b.ballotId();
    if (polls != Polls.OPEN) {
      v.add(new Violation(Rule.BALLOT_WHILE_POLLS_OPEN, ballot + " posted while the polls were not open (they "
          + (polls == Polls.CLOSED ? "are closed)" : "have not opened yet)")));
    }
    submitter(b, signature).ifPresent(v::add);
    if (requests.contains(requestKey(b))) {
      v.add(new Violation(Rule.REQUEST_ID_UNUSED, "request id " + b.requestId() + " of kiosk " + b.kioskId()
          + " was already used"));
    }
    // In the order of §9.6: the content rules before CHAIN_CONTINUES, then it, then the ones after it.
    List<Violation> content = content(b, timestamp);
    content.stream().filter(c -> c.rule().ordinal() < Rule.CHAIN_CONTINUES.ordinal()).forEach(v::add);
    if (!b.previousCode().equals(chain(b.kioskId()).head())) {
      v.add(new Violation(Rule.CHAIN_CONTINUES, ballot + " does not continue kiosk " + b.kioskId()
          + "'s confirmation-code chain (its previous code must be the kiosk's last code on the board)"));
    }
    content.stream().filter(c -> c.rule().ordinal() > Rule.CHAIN_CONTINUES.ordinal()).forEach(v::add);
  }

  /**
   * The rules of a ballot's content at this position — the ones a {@code ballot_refused} entry may name
   * ({@link RefusalReason}): its id in its kiosk's namespace and unused, its ciphertexts unused, its time not
   * before its kiosk's previous ballot nor after the entry's.
   */
  private List<Violation> content(EntryFacts.Ballot b, long timestamp) {
    List<Violation> v = new ArrayList<>();
    String ballot = "ballot " + b.ballotId();
    if (!inKioskNamespace(b.ballotId(), b.kioskId())) {
      v.add(new Violation(Rule.BALLOT_ID_OF_KIOSK, ballot + " is not in kiosk " + b.kioskId() + "'s namespace ("
          + b.kioskId() + "-<suffix without '-'>)"));
    }
    if (ballotIds.contains(b.ballotId())) {
      v.add(new Violation(Rule.BALLOT_ID_UNIQUE, "ballot id " + b.ballotId() + " appears twice on the board"));
    }
    Set<String> inBallot = new HashSet<>();
    for (String alpha : b.alphas()) {
      if (!inBallot.add(alpha) || alphas.contains(alpha)) {
        v.add(repeatedCiphertext(b));
        break;
      }
    }
    Chain chain = chain(b.kioskId());
    if (chain.ballots() > 0 && b.timestamp() < chain.lastTime()) {
      v.add(new Violation(Rule.CHAIN_TIME_NOT_BACKWARDS, ballot + " is dated before the previous ballot of kiosk "
          + b.kioskId()));
    }
    if (b.timestamp() > timestamp && b.timestamp() - timestamp > BALLOT_AHEAD_TOLERANCE_SECONDS) {
      v.add(new Violation(Rule.BALLOT_NOT_AFTER_ENTRY, ballot + " is dated " + (b.timestamp() - timestamp)
          + " s after the board received it (at most " + BALLOT_AHEAD_TOLERANCE_SECONDS + " s are allowed)"));
    }
    return v;
  }

  /**
   * The rules of a {@code ballot_refused} entry (§9.6, "Refusal records"): its submission was authenticated and
   * continued the chain while the polls were open (as for a ballot), and its refusal is justified — the submission
   * breaks the rule its reason names. A ballot-check reason (invalid_ballot, unknown_style, challenge_mismatch) is
   * not judged here: the verifier re-runs the ballot check (V12).
   */
  private void refused(EntryFacts.Refused r, long timestamp, Signature signature, List<Violation> v) {
    EntryFacts.Ballot b = r.submission();
    String ballot = "refused ballot " + b.ballotId();
    if (polls != Polls.OPEN) {
      v.add(new Violation(Rule.BALLOT_WHILE_POLLS_OPEN, ballot + " recorded while the polls were not open"));
    }
    submitter(b, signature).ifPresent(v::add);
    if (requests.contains(requestKey(b))) {
      v.add(new Violation(Rule.REQUEST_ID_UNUSED, "request id " + b.requestId() + " of kiosk " + b.kioskId()
          + " was already used"));
    }
    if (!b.previousCode().equals(chain(b.kioskId()).head())) {
      v.add(new Violation(Rule.CHAIN_CONTINUES, ballot + " does not continue kiosk " + b.kioskId()
          + "'s confirmation-code chain (only a ballot that continues it is recorded as refused)"));
    }
    Optional<Rule> named = r.reason().rule();
    if (named.isPresent() && content(b, timestamp).stream().noneMatch(c -> c.rule() == named.get())) {
      v.add(new Violation(Rule.REFUSAL_JUSTIFIED, "the board refused a valid ballot: " + ballot + " of kiosk "
          + b.kioskId() + " does not break " + named.get() + " (" + r.reason().wireName() + ")"));
    }
  }

  /**
   * Rule BALLOT_ID_OF_KIOSK: {@code ballotId} is {@code <kioskId>-<suffix>}, the suffix non-empty and without
   * {@code -}.
   */
  public static boolean inKioskNamespace(String ballotId, String kioskId) {
    String prefix = kioskId + "-";
    return ballotId.length() > prefix.length() && ballotId.startsWith(prefix)
        && ballotId.indexOf('-', prefix.length()) < 0;
  }

  /**
   * Whether the ballot's kiosk may submit: registered, not revoked, and its signature over the submission (§9.5)
   * verifies. Safe to call from any thread (the server checks this before it decodes a submission's points).
   */
  public Optional<Violation> submitter(EntryFacts.Ballot b) {
    return submitter(b, Signature.VERIFY);
  }

  private Optional<Violation> submitter(EntryFacts.Ballot b, Signature signature) {
    Kiosk k = kiosks.get(b.kioskId());
    if (k == null) {
      return Optional.of(new Violation(Rule.BALLOT_KIOSK_REGISTERED, "kiosk " + b.kioskId()
          + " is not registered on this board"));
    }
    if (k.revoked()) {
      return Optional.of(new Violation(Rule.BALLOT_KIOSK_NOT_REVOKED, "kiosk " + b.kioskId()
          + " has been revoked"));
    }
    if (signature == Signature.VERIFY && !k.publicKey().verifies(
        KioskSubmissions.message(extendedHash, b.kind(), b.unsignedPayload()), b.signature())) {
      return Optional.of(new Violation(Rule.BALLOT_SIGNED_BY_KIOSK, "the signature is not kiosk " + b.kioskId()
          + "'s signature over this submission"));
    }
    return Optional.empty();
  }

  /**
   * Rule CIPHERTEXTS_UNIQUE within the ballot alone — a reused nonce — which breaks the rule on any board, so a
   * server can refuse it before checking proofs. Safe to call from any thread.
   */
  public static Optional<Violation> repeatsCiphertextWithin(EntryFacts.Ballot b) {
    Set<String> inBallot = new HashSet<>();
    for (String alpha : b.alphas()) {
      if (!inBallot.add(alpha)) {
        return Optional.of(repeatedCiphertext(b));
      }
    }
    return Optional.empty();
  }

  private static Violation repeatedCiphertext(EntryFacts.Ballot b) {
    return new Violation(Rule.CIPHERTEXTS_UNIQUE, "ballot " + b.ballotId() + " repeats a ciphertext already on "
        + "the board or earlier in the ballot (a copied ballot or a reused nonce)");
  }

  private void closes(EntryPayload.PollsClosed c, List<Violation> v) {
    Set<String> seen = new HashSet<>();
    for (EntryPayload.ChainClose ch : c.chains()) {
      String kiosk = "kiosk " + ch.kioskId();
      if (!seen.add(ch.kioskId())) {
        v.add(new Violation(Rule.CHAINS_CLOSED, kiosk + " is closed twice"));
        continue;
      }
      if (!kiosks.containsKey(ch.kioskId())) {
        v.add(new Violation(Rule.CHAINS_CLOSED, "closes the chain of " + kiosk + ", which was never registered"));
        continue;
      }
      Chain chain = chain(ch.kioskId());
      if (!ch.lastCode().equals(chain.head()) || ch.ballots() != chain.ballots()) {
        v.add(new Violation(Rule.CHAINS_CLOSED, kiosk + " closes with " + ch.ballots() + " ballots and a last code "
            + "that do not match its chain (" + chain.ballots() + " ballots on the board)"));
      } else if (!ch.closeHash().equals(closeHash(ch.kioskId(), chain))) {
        v.add(new Violation(Rule.CHAINS_CLOSED, kiosk + "'s close hash is wrong"));
      }
    }
    chains.keySet().stream().filter(k -> !seen.contains(k)).sorted().forEach(k -> v.add(
        new Violation(Rule.CHAINS_CLOSED, "kiosk " + k + " posted ballots but its chain is not closed")));
  }

  /**
   * Records an appended entry (whether or not it broke a rule: a verifier goes on reading a bad board). Entry
   * 0's board key is kept; a later election_published entry never replaces it.
   */
  public void apply(EntryFacts facts, long timestamp) {
    lastTime = Math.max(lastTime, timestamp);
    if (facts instanceof EntryFacts.Ballot b) {
      requests.add(requestKey(b));
      ballotIds.add(b.ballotId());
      b.alphas().forEach(alphas::add);
      chains.put(b.kioskId(), new Chain(b.confirmationCode(), b.timestamp(), chain(b.kioskId()).ballots() + 1));
      if (b.kind() == EntryKind.BALLOT_CAST) {
        cast++;
      } else {
        challenged++;
      }
      return;
    }
    if (facts instanceof EntryFacts.Refused r) {
      // A chain link (N grows, the head moves), but the chain's time stays and nothing joins the seen ids or
      // ciphertexts: a refused ballot blocks nothing after it.
      EntryFacts.Ballot b = r.submission();
      requests.add(requestKey(b));
      Chain c = chain(b.kioskId());
      chains.put(b.kioskId(), new Chain(b.confirmationCode(), c.lastTime(), c.ballots() + 1));
      refused++;
      return;
    }
    EntryPayload payload = ((EntryFacts.Control) facts).payload();
    Runnable change = switch (payload.kind()) {
      case ELECTION_PUBLISHED -> () -> {
        if (boardKey == null) {
          boardKey = ((EntryPayload.ElectionPublished) payload).boardKey();
          checkpointKey = ((EntryPayload.ElectionPublished) payload).checkpointKey();
        }
      };
      case POLLS_OPENED -> () -> {
        if (polls == Polls.NOT_OPENED) {
          polls = Polls.OPEN;
        }
      };
      case KIOSK_REGISTERED -> () -> {
        EntryPayload.KioskRegistered k = (EntryPayload.KioskRegistered) payload;
        kiosks.put(k.kioskId(), new Kiosk(k.kioskId(), k.publicKey(), revoked.contains(k.kioskId())));
      };
      case KIOSK_REVOKED -> () -> {
        String id = ((EntryPayload.KioskRevoked) payload).kioskId();
        revoked.add(id);
        kiosks.computeIfPresent(id, (kioskId, old) -> new Kiosk(kioskId, old.publicKey(), true));
      };
      case POLLS_CLOSED -> () -> polls = Polls.CLOSED;
      case TALLY_PUBLISHED -> () -> tally = (EntryPayload.TallyPublished) payload;
      case BALLOT_CAST, BALLOT_CHALLENGED, BALLOT_REFUSED -> throw new IllegalStateException(
          "ballots are EntryFacts.Ballot or Refused");
    };
    change.run();
  }

  /** The chain closes the polls_closed entry must carry now: every registered kiosk, by id (§5.4). */
  public List<EntryPayload.ChainClose> closing() {
    List<EntryPayload.ChainClose> out = new ArrayList<>();
    kiosks.keySet().stream().sorted(Comparator.naturalOrder()).forEach(id -> {
      Chain c = chain(id);
      out.add(new EntryPayload.ChainClose(id, c.ballots(), c.head(), closeHash(id, c)));
    });
    return out;
  }

  private Digest closeHash(String kioskId, Chain c) {
    return ConfirmationCodes.chainClose(extendedHash, kioskId, c.head(), c.ballots());
  }

  private static String requestKey(EntryFacts.Ballot b) {
    return b.kioskId() + "\u0000" + b.requestId();
  }

  /** The kiosk's registration, if it was registered. */
  public Optional<Kiosk> kiosk(String kioskId) {
    return Optional.ofNullable(kiosks.get(kioskId));
  }

  /** Every registered kiosk, by id. */
  public List<Kiosk> kiosks() {
    return kiosks.values().stream().sorted(Comparator.comparing(Kiosk::kioskId)).toList();
  }

  /** The kiosk's chain: H_0 = H(CHAIN_START; H_E, kiosk) with no ballots before its first. */
  public Chain chain(String kioskId) {
    Chain c = chains.get(kioskId);
    return c != null ? c : new Chain(ConfirmationCodes.chainStart(extendedHash, kioskId), 0, 0);
  }

  public Polls polls() {
    return polls;
  }

  /** The number of ballot_cast entries applied. */
  public long cast() {
    return cast;
  }

  /** The number of ballot_challenged entries applied. */
  public long challenged() {
    return challenged;
  }

  /** The number of ballot_refused entries applied (chain links, never counted). */
  public long refused() {
    return refused;
  }

  /** The board key of entry 0, once applied. */
  public Optional<Ed25519.PublicKey> boardKey() {
    return Optional.ofNullable(boardKey);
  }

  /** The board's checkpoint key (§9.8), published with the board key by the first {@code election_published}. */
  public Optional<org.evote.crypto.note.VerifierKey> checkpointKey() {
    return Optional.ofNullable(checkpointKey);
  }

  /** The last tally_published entry applied. */
  public Optional<EntryPayload.TallyPublished> tally() {
    return Optional.ofNullable(tally);
  }

  public Digest extendedHash() {
    return extendedHash;
  }
}
