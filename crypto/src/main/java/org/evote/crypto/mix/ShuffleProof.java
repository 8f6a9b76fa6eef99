package org.evote.crypto.mix;

/**
 * A proof of shuffle (protocol §13.3). Its members (the permutation commitment c, the commitment chain ĉ, the
 * prover's commitments t and the responses s) are defined by the shuffle15 work; JSON in {@code json/MixJson}.
 */
public record ShuffleProof() {}
