package org.evote.crypto.note;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.evote.crypto.InvalidFieldException;

/** The messages a cosigner signs (c2sp.org/tlog-cosignature, "Ed25519 signed message", "ML-DSA-44 signed message"). */
final class CosignedMessages {
  private CosignedMessages() {}

  static final int ML_DSA_44_SIGNATURE_BYTES = 2420;
  private static final byte[] SUBTREE_LABEL = "subtree/v1\n\0".getBytes(StandardCharsets.US_ASCII);

  /** {@code cosignature/v1\ntime <t>\n} followed by the whole checkpoint text. */
  static byte[] ed25519(long timestamp, String checkpointText) {
    return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * True if the cosigned_message for {@code cosignerName} and {@code checkpoint} can be formed: both the name and the
   * origin are 1 to 255 bytes of UTF-8 (their lengths are one byte each in the structure).
   */
  static boolean canFormMlDsa44(String cosignerName, Checkpoint checkpoint) {
    return fitsInOneByteLength(cosignerName) && fitsInOneByteLength(checkpoint.origin());
  }

  private static boolean fitsInOneByteLength(String s) {
    int n = s.getBytes(StandardCharsets.UTF_8).length;
    return n >= 1 && n <= 255;
  }

  /** The cosigned_message structure for the whole tree of {@code checkpoint} (start 0, end = size). */
  static byte[] mlDsa44(String cosignerName, long timestamp, Checkpoint checkpoint) {
    byte[] name = cosignerName.getBytes(StandardCharsets.UTF_8);
    byte[] origin = checkpoint.origin().getBytes(StandardCharsets.UTF_8);
    if (!canFormMlDsa44(cosignerName, checkpoint)) {
      throw new InvalidFieldException("checkpoint.origin", "cosigner name and origin must be 1 to 255 bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(SUBTREE_LABEL);
    out.write(name.length);
    out.writeBytes(name);
    out.writeBytes(ByteBuffer.allocate(8).putLong(timestamp).array());
    out.write(origin.length);
    out.writeBytes(origin);
    out.writeBytes(ByteBuffer.allocate(8).putLong(0).array());
    out.writeBytes(ByteBuffer.allocate(8).putLong(checkpoint.size()).array());
    out.writeBytes(checkpoint.rootHash().toBytes());
    return out.toByteArray();
  }
}
