package org.evote.crypto.verify;

/**
 * The numbered verification steps of protocol §10.4. Messages and reports start with the step id, so a failure can
 * be looked up in the document.
 */
public enum Step {
  V1_PARAMETERS("V1", "parameters are P-256 and H_P matches"),
  V2_MANIFEST("V2", "manifest is valid, H_M and H_B match"),
  V3_GUARDIANS("V3", "guardian records are complete and their Schnorr proofs hold"),
  V4_JOINT_KEY("V4", "joint key K and extended hash H_E match"),
  V5_BOARD_CHAIN("V5", "board hash chain is intact"),
  V6_SIGNED_HEADS("V6", "signed heads are signed by the board key and match the Merkle tree"),
  V7_BOARD_SEQUENCE("V7", "board entries are in a valid order, from registered kiosks, correctly signed"),
  V8_BALLOT_STRUCTURE("V8", "ballots are well formed for their style, with unique ids and ciphertexts"),
  V9_SELECTION_PROOFS("V9", "every selection, rank and write-in proof holds"),
  V10_CONTEST_PROOFS("V10", "every contest range proof holds"),
  V11_CONFIRMATION_CODES("V11", "contest hashes and confirmation codes match"),
  V12_KIOSK_CHAINS("V12", "each kiosk's confirmation codes form one chain, closed at poll closing"),
  V13_CHALLENGED_BALLOTS("V13", "challenged ballots re-encrypt exactly from their disclosed seeds"),
  V14_ENCRYPTED_TALLY("V14", "encrypted tally is the sum of the cast ballots"),
  V15_DECRYPTION_SHARES("V15", "partial decryptions come from a quorum and their proofs hold"),
  V16_RESULT("V16", "result matches the combined decryptions and ballot counts"),
  V17_TALLY_PUBLISHED("V17", "the published tally entry matches the record"),
  V18_CEREMONY_TRANSCRIPT("V18", "the key-ceremony transcript is complete and every complaint is resolved"),
  V19_BOARD_CHECKPOINT("V19", "the board's final checkpoint is signed by its checkpoint key and covers the board"),
  V20_ELECTION_NOTICE("V20", "the board's keys and kiosks are the notice's, and its witnesses cosigned the "
      + "checkpoint"),
  V21_MIX_CASCADE("V21", "every mix of the cascade is proven and signed: each list's input is the cast ballots' rows "
      + "or the previous mix's output, its proof of shuffle holds"),
  V22_MIX_DECRYPTION("V22", "the final mixed lists' decryptions come from a quorum, their proofs hold, and the "
      + "published decrypted rows match"),
  V23_RANKED_COUNT("V23", "each ranked contest's rounds and each write-in list match a recount of the decrypted "
      + "rows");

  private final String id;
  private final String title;

  Step(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** "V9" etc. */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** The step with id {@code id} ("V7"). */
  public static Step byId(String id) {
    for (Step s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no verification step " + id);
  }
}
