package org.evote.crypto.hash;

/**
 * Every domain-separation tag of the protocol (docs/protocol.md §2.3), in one place. Each use of H starts with
 * exactly one of these, so no hash computed for one purpose can be replayed as another.
 */
public final class DomainTags {
  private DomainTags() {}

  private static final String PREFIX = "evote/2/";

  /** H_P, the parameter hash (§2.4). */
  public static final String PARAMETERS = PREFIX + "parameters";
  /** H_M, the manifest hash (§2.4). */
  public static final String MANIFEST = PREFIX + "manifest";
  /** H_B, the election base hash (§2.4). */
  public static final String ELECTION_BASE = PREFIX + "election-base";
  /** H_E, the extended election hash (§2.4). */
  public static final String EXTENDED = PREFIX + "extended";

  /** Schnorr proof of knowledge of a polynomial coefficient (§4.3). */
  public static final String PROOF_SCHNORR = PREFIX + "proof/schnorr";
  /** Range proof on one selection ciphertext (§4.1). */
  public static final String PROOF_SELECTION_RANGE = PREFIX + "proof/selection-range";
  /** Range proof on a contest's summed ciphertext (§4.2). */
  public static final String PROOF_CONTEST_RANGE = PREFIX + "proof/contest-range";
  /** Chaum–Pedersen proof of a partial decryption (§4.4). */
  public static final String PROOF_DECRYPTION = PREFIX + "proof/decryption";
  /** Range proof of one rank of a ranked contest (§4.6). */
  public static final String PROOF_RANK_RANGE = PREFIX + "proof/rank-range";
  /** Schnorr proof of knowledge of a write-in ciphertext's nonce (§4.7). */
  public static final String PROOF_WRITE_IN = PREFIX + "proof/write-in";
  /** The challenges u_1 … u_N of a proof of shuffle (§13.3). */
  public static final String PROOF_SHUFFLE_CHALLENGES = PREFIX + "proof/shuffle-challenges";
  /** The challenge c of a proof of shuffle (§13.3). */
  public static final String PROOF_SHUFFLE = PREFIX + "proof/shuffle";
  /** Chaum–Pedersen proof of a partial decryption of a mixed list (§13.5). */
  public static final String PROOF_MIX_DECRYPTION = PREFIX + "proof/mix-decryption";

  /** Selection encryption nonce derived from the ballot seed (§3.2). */
  public static final String NONCE_SELECTION = PREFIX + "nonce/selection";
  /** Proof nonces derived from the ballot seed (§3.2). */
  public static final String NONCE_PROOF = PREFIX + "nonce/proof";
  /** Encryption nonce of one rank of a ranked contest, derived from the ballot seed (§3.2, §5.2). */
  public static final String NONCE_RANK = PREFIX + "nonce/rank";
  /** Encryption nonce of one point of a write-in name, derived from the ballot seed (§3.2, §5.6). */
  public static final String NONCE_WRITE_IN = PREFIX + "nonce/write-in";

  /** Contest hash χ (§5.2). */
  public static final String CONTEST_HASH = PREFIX + "ballot/contest-hash";
  /** Confirmation code H_C (§5.3). */
  public static final String CONFIRMATION_CODE = PREFIX + "ballot/confirmation-code";
  /** First link of a kiosk's confirmation-code chain (§5.4). */
  public static final String CHAIN_START = PREFIX + "ballot/chain-start";
  /** Closing value of a kiosk's chain (§5.4). */
  public static final String CHAIN_CLOSE = PREFIX + "ballot/chain-close";

  /** Key for one encrypted key-ceremony share (§7.3). */
  public static final String SHARE_KEY = PREFIX + "ceremony/share-key";
  /** Keystream for a share (§7.3). */
  public static final String SHARE_PAD = PREFIX + "ceremony/share-pad";
  /** MAC over an encrypted share (§7.3). */
  public static final String SHARE_MAC = PREFIX + "ceremony/share-mac";

  /** Board entry hash (§9.2). */
  public static final String BOARD_ENTRY = PREFIX + "board/entry";
  /** The message a board key signs for a head (§9.4). */
  public static final String BOARD_SIGNED_HEAD = PREFIX + "board/signed-head";
  /** The message a kiosk key signs for a submission (§9.5). */
  public static final String KIOSK_SUBMISSION = PREFIX + "board/kiosk-submission";
  /** The message an administrator key signs for one administrator request (docs/api.md, "Administrators"). */
  public static final String ADMIN_REQUEST = PREFIX + "board/admin-request";
  /** Hash of a record file's canonical JSON, as named in the tally_published entry (§2.5, §9.1). */
  public static final String JSON_OBJECT = PREFIX + "json-object";

  /** RFC 9380 domain separation tag of the shuffle's generators h, h_1 … h_N (§13.1). */
  public static final String MIX_GENERATORS = PREFIX + "mix/generators";
  /** Hash of a list of rows being mixed (§13.2). */
  public static final String MIX_LIST = PREFIX + "mix/list";
  /** The message a mixer signs for its mix file (§13.5). */
  public static final String MIX_SIGNATURE = PREFIX + "mix/signature";
  /** Seed of the public lot that breaks a tie for last place in an instant-runoff count (§13.6). */
  public static final String COUNT_LOT = PREFIX + "count/lot";
}
