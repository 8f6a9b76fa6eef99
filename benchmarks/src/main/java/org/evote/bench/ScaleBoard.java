package org.evote.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import org.evote.crypto.ballot.BallotEncryptor;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.ballot.RandomBallots;
import org.evote.crypto.board.Admission;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.EntryFacts;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.json.Submissions;
import org.evote.crypto.keystore.GuardianKeyFile;
import org.evote.crypto.manifest.Manifest;

/**
 * Writes a large closed board for the tally tool's scale benchmark (docs/performance.md), streaming so memory stays
 * bounded: election.json for MANIFEST (3 guardians, quorum 2), the guardians' sealed key files with their
 * passphrase files, and board.json with BALLOTS random ballots from two kiosks (one encrypting thread each, as the
 * confirmation-code chain of a kiosk is sequential), 5 % challenged, the polls closed and the head signed.
 * Usage: ScaleBoard MANIFEST BALLOTS OUT_DIR.
 */
public final class ScaleBoard {
  private static final List<String> KIOSKS = List.of("kiosk-1", "kiosk-2");
  private static final double CHALLENGE_RATE = 0.05;

  private ScaleBoard() {}

  private record Posted(EntryFacts facts, String payloadText) {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[2]);
    int ballots = Integer.parseInt(args[1]);
    Files.createDirectories(out);
    SecureRandom random = new SecureRandom();
    Manifest manifest = ManifestJson.decode(JsonText.readObject(Path.of(args[0])));
    KeyCeremony.Outcome ceremony = KeyCeremony.run(ElectionHashes.baseHash(manifest, 3, 2), 3, 2, random);
    ElectionConfig config = new ElectionConfig(manifest, 3, 2, ceremony.records());
    Digest he = config.extendedHash();
    JsonText.write(out.resolve("election.json"), ElectionJson.encode(config));
    for (GuardianKey k : ceremony.keys()) {
      String pass = "scale benchmark guardian " + k.index();
      Files.writeString(out.resolve("guardian-" + k.index() + ".pass"), pass + "\n");
      GuardianKeyFile.write(out.resolve("guardian-" + k.index() + ".key.json"), k, he, pass.toCharArray(), random);
    }

    Ed25519.PrivateKey boardKey = Ed25519.PrivateKey.generate(random);
    org.evote.crypto.board.BoardOrigin origin = new org.evote.crypto.board.BoardOrigin("scale-board", he);
    org.evote.crypto.note.Ed25519NoteSigner checkpointKey = org.evote.crypto.note.Ed25519NoteSigner.generate(
        origin.origin(), random);
    Map<String, Ed25519.PrivateKey> kioskKeys = new LinkedHashMap<>();
    KIOSKS.forEach(k -> kioskKeys.put(k, Ed25519.PrivateKey.generate(random)));
    List<BlockingQueue<Posted>> queues = new ArrayList<>();
    BallotEncryptor encryptor = new BallotEncryptor(config);
    long start = System.currentTimeMillis() / 1000;
    for (int k = 0; k < KIOSKS.size(); k++) {
      BlockingQueue<Posted> q = new ArrayBlockingQueue<>(64);
      queues.add(q);
      String kiosk = KIOSKS.get(k);
      int mine = (ballots - k + KIOSKS.size() - 1) / KIOSKS.size();
      Thread t = new Thread(() -> {
        Digest chain = ConfirmationCodes.chainStart(he, kiosk);
        try {
          for (int i = 0; i < mine; i++) {
            PlaintextBallot plain = RandomBallots.any(manifest, kiosk + "-" + i, random);
            BallotSeed seed = BallotSeed.random(random);
            EncryptedBallot b = encryptor.encrypt(plain, seed, kiosk, start, chain);
            chain = b.confirmationCode();
            EntryPayload p = random.nextDouble() < CHALLENGE_RATE
                ? Submissions.challenged(he, kiosk + "-" + i, b, seed, plain, kioskKeys.get(kiosk))
                : Submissions.cast(he, kiosk + "-" + i, b, kioskKeys.get(kiosk));
            Posted posted = new Posted(BoardJson.facts(p), BoardJson.payloadText(p));
            seed.wipe(); // only after the opened seed has been serialized
            q.put(posted);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "encrypt-" + kiosk);
      t.setDaemon(true);
      t.start();
    }

    MerkleTree tree = new MerkleTree();
    BoardEntry[] last = {null};
    BoardState state = new BoardState(he, ElectionJson.canonical(config));
    List<SignedHead> heads = new ArrayList<>();
    long time = start;
    try (OutputStream os = Files.newOutputStream(out.resolve("board.json"));
        JsonGenerator g = Json.createGenerator(os)) {
      g.writeStartObject();
      g.writeStartArray("entries");
      Appender append = (facts, text, ts) -> {
        if (state.admit(facts, tree.size(), ts) instanceof Admission.Refused r) {
          throw new IllegalStateException("the board's rules refuse a generated entry: " + r.first());
        }
        state.apply(facts, ts);
        BoardEntry e = BoardEntry.append(he, last[0], facts.kind(), ts, text);
        tree.append(e.entryHash());
        last[0] = e;
        g.write(BoardJson.encode(e));
      };
      append.post(new EntryPayload.ElectionPublished(he, ElectionJson.canonical(config), boardKey.publicKey(),
          checkpointKey.verifierKey()),
          time);
      for (String k : KIOSKS) {
        append.post(new EntryPayload.KioskRegistered(k, kioskKeys.get(k).publicKey()), time);
      }
      append.post(new EntryPayload.PollsOpened(), time);
      for (int i = 0; i < ballots; i++) {
        int k = i % KIOSKS.size();
        Posted posted = queues.get(k).take();
        append.post(posted.facts(), posted.payloadText(), ++time);
        if ((i + 1) % 10_000 == 0) {
          System.err.printf("%,d ballots written%n", i + 1);
        }
      }
      append.post(new EntryPayload.PollsClosed(state.closing()), ++time);
      heads.add(SignedHead.sign(he, tree.size(), last[0].entryHash(), tree.root(), ++time, boardKey));
      g.writeEnd();
      g.writeStartArray("signed_heads");
      for (SignedHead h : heads) {
        g.write(BoardJson.encode(h));
      }
      g.writeEnd();
      g.writeEnd();
    }
    // The final checkpoint (§9.8), as a board publishes it beside its export: V19 checks it.
    Files.write(out.resolve("checkpoint.txt"),
        checkpointKey.signNote(origin.checkpoint(tree.size(), tree.root()).text()).bytes());
    System.err.printf("board of %,d entries written to %s%n", tree.size(), out.resolve("board.json"));
  }

  @FunctionalInterface
  private interface Appender {
    void post(EntryFacts facts, String payloadText, long timestamp);

    default void post(EntryPayload p, long timestamp) {
      post(BoardJson.facts(p), BoardJson.payloadText(p), timestamp);
    }
  }

}
