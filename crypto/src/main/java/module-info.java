/**
 * evote/2, the protocol of docs/protocol.md: P-256 exponential ElGamal, proofs, the threshold key ceremony,
 * ballots, tally, decryption, the bulletin board, the election record's JSON and its verifier. Exports one package
 * per protocol concept; the raw arithmetic (Bouncy Castle points and field elements, fixed-base tables,
 * multi-scalar multiplication) stays inside, in {@code org.evote.crypto.group.internal}.
 */
module org.evote.crypto {
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires transitive jakarta.json;

  exports org.evote.crypto;
  exports org.evote.crypto.ballot;
  exports org.evote.crypto.board;
  exports org.evote.crypto.ceremony;
  exports org.evote.crypto.count;
  exports org.evote.crypto.decrypt;
  exports org.evote.crypto.election;
  exports org.evote.crypto.elgamal;
  exports org.evote.crypto.group;
  exports org.evote.crypto.hash;
  exports org.evote.crypto.json;
  exports org.evote.crypto.keystore;
  exports org.evote.crypto.manifest;
  exports org.evote.crypto.mix;
  exports org.evote.crypto.note;
  exports org.evote.crypto.notice;
  exports org.evote.crypto.proof;
  exports org.evote.crypto.record;
  exports org.evote.crypto.tally;
  exports org.evote.crypto.verify;
}
