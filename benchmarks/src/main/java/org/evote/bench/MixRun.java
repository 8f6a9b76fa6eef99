package org.evote.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.decrypt.DecodedList;
import org.evote.crypto.decrypt.MixDecryption;
import org.evote.crypto.decrypt.MixDecryptor;
import org.evote.crypto.decrypt.MixedResults;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.mix.MixCascade;
import org.evote.crypto.mix.MixFile;
import org.evote.crypto.mix.MixList;
import org.evote.crypto.mix.MixRow;
import org.evote.crypto.decrypt.MixDecryptionShare;
import org.evote.crypto.verify.MixDecryptionCheck;

/**
 * The mixnet at scale (docs/performance.md, "Issue 15"): R ranked contests (one rcv contest, 5 candidates, 5 ranks:
 * rows of w = 5 ciphertexts, each a random ranking), shuffled and proven by M mixers in turn (each a guardian of a
 * real 3-guardian, quorum-2 key ceremony), the cascade verified (V21's checks), the final list decrypted by 2
 * guardians with a Chaum–Pedersen proof per ciphertext, the proofs verified and the list recombined, decoded and
 * recounted (V22, V23). Prints each phase's wall time and the time per ciphertext.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.evote.bench.MixRun [rows=100000] [mixers=3]}
 */
public final class MixRun {
  static final int CANDIDATES = 5;
  static final int RANKS = 5;

  private MixRun() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int mixers = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int threads = Runtime.getRuntime().availableProcessors();
    SecureRandom random = new SecureRandom();
    Manifest manifest = ManifestJson.decode(JsonText.parseObject(manifestJson()));
    KeyCeremony.Outcome ceremony = KeyCeremony.run(ElectionHashes.baseHash(manifest, 3, 2), 3, 2, random);
    ElectionConfig config = new ElectionConfig(manifest, 3, 2, ceremony.records());
    List<GuardianKey> keys = ceremony.keys();
    if (mixers < 1 || mixers > keys.size()) {
      throw new IllegalArgumentException("mixers: 1 … " + keys.size());
    }
    long ciphertexts = (long) rows * RANKS;
    System.out.printf("MixRun: %,d ranked contests × %d ranks = %,d ciphertexts, %d mixers, %d threads%n", rows,
        RANKS, ciphertexts, mixers, threads);

    long t = System.nanoTime();
    List<MixList> input = List.of(new MixList("mayor", encrypt(config.jointKey(), rows, random, threads)));
    System.out.printf("  encrypting the input rows (not counted)     %8.1f s%n", seconds(t));

    long total = System.nanoTime();
    List<MixFile> mixes = new ArrayList<>();
    List<MixList> lists = input;
    for (int p = 1; p <= mixers; p++) {
      t = System.nanoTime();
      MixFile mix = MixCascade.mix(config, keys.get(p - 1), p, lists, random, threads);
      lists = MixCascade.outputs(lists, mix);
      mixes.add(mix);
      double s = seconds(t);
      System.out.printf("  mix %d: shuffle + prove + sign               %8.1f s  %6.3f ms per ciphertext%n", p, s,
          s * 1e3 / ciphertexts);
    }
    t = System.nanoTime();
    MixCascade.Check check = MixCascade.check(config, input, mixes, true, random, threads);
    double verify = seconds(t);
    if (!(check instanceof MixCascade.Holds)) {
      throw new IllegalStateException("the cascade does not verify: " + check);
    }
    System.out.printf("  verify the cascade (V21: %d proofs)          %8.1f s  %6.3f ms per ciphertext and mix%n",
        mixes.size(), verify, verify * 1e3 / ciphertexts / mixers);

    t = System.nanoTime();
    MixDecryption.Outcome decrypted = MixDecryption.run(config, lists, keys.subList(0, 2), random, threads);
    double decrypt = seconds(t);
    System.out.printf("  decrypt by 2 guardians, combine, count       %8.1f s  %6.3f ms per ciphertext%n", decrypt,
        decrypt * 1e3 / ciphertexts);

    t = System.nanoTime();
    for (MixDecryptionShare share : decrypted.shares()) {
      Optional<String> bad = MixDecryptionCheck.shareProofs(config, lists, share, random, threads);
      if (bad.isPresent()) {
        throw new IllegalStateException("a decryption proof fails: " + bad.get());
      }
    }
    List<DecodedList> decoded = MixedResults.decode(manifest, lists,
        new MixDecryptor(config, threads).combine(lists, decrypted.shares()));
    MixedResults.Counts counts = MixedResults.count(manifest, config.extendedHash(), lists, decoded);
    if (!counts.equals(decrypted.counts())) {
      throw new IllegalStateException("the recount differs");
    }
    double verifyDecryption = seconds(t);
    System.out.printf("  verify decryption + recount (V22, V23)       %8.1f s  %6.3f ms per ciphertext%n",
        verifyDecryption, verifyDecryption * 1e3 / ciphertexts);
    RankedResult r = counts.ranked().get(0);
    System.out.printf("  total (mixes, verification, decryption)      %8.1f s   (%d rounds, winner %s)%n",
        seconds(total), r.rounds().size(), r.winner().orElse("none"));
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** Random rankings (a random prefix of a random order of the 5 candidates), encrypted under K. */
  static List<MixRow> encrypt(ElectionPublicKey key, int rows, SecureRandom random, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<MixRow>>> parts = new ArrayList<>();
      int per = (rows + threads - 1) / threads;
      for (int from = 0; from < rows; from += per) {
        int n = Math.min(per, rows - from);
        parts.add(pool.submit(() -> {
          List<MixRow> out = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            List<Integer> order = new ArrayList<>(List.of(1, 2, 3, 4, 5));
            java.util.Collections.shuffle(order, random);
            int ranked = 1 + random.nextInt(RANKS);
            List<Ciphertext> row = new ArrayList<>(RANKS);
            for (int j = 0; j < RANKS; j++) {
              int m = j < ranked ? order.get(j) : 0;
              Scalar r = Scalar.random(random);
              Element beta = key.multiply(r);
              row.add(new Ciphertext(Element.gPow(r), m == 0 ? beta : beta.add(Element.gPow(Scalar.of(m)))));
            }
            out.add(new MixRow(row));
          }
          return out;
        }));
      }
      List<MixRow> all = new ArrayList<>(rows);
      for (Future<List<MixRow>> f : parts) {
        all.addAll(f.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  static String manifestJson() {
    StringBuilder cands = new StringBuilder();
    StringBuilder sels = new StringBuilder();
    for (int i = 1; i <= CANDIDATES; i++) {
      cands.append(i == 1 ? "" : ",").append("{\"object_id\":\"c").append(i).append("\",\"name\":\"Candidate ")
          .append(i).append("\"}");
      sels.append(i == 1 ? "" : ",").append("{\"object_id\":\"s").append(i).append("\",\"sequence_order\":")
          .append(i).append(",\"candidate_id\":\"c").append(i).append("\"}");
    }
    return "{\"election_scope_id\":\"mix-run\",\"geopolitical_units\":[{\"object_id\":\"city\"}],\"candidates\":["
        + cands + "],\"contests\":[{\"object_id\":\"mayor\",\"sequence_order\":0,\"electoral_district_id\":\"city\","
        + "\"vote_variation\":\"rcv\",\"votes_allowed\":" + RANKS + ",\"ballot_selections\":[" + sels + "]}],"
        + "\"ballot_styles\":[{\"object_id\":\"all\",\"geopolitical_unit_ids\":[\"city\"]}]}";
  }
}
