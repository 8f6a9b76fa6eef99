package org.evote.server.store;

/**
 * What the server indexes about a ballot entry: its ids, kiosk and request id, confirmation code (full hex and
 * short tracking form), the hash of the exact submission (for idempotent retries) and the size of the signed head
 * that first covered it (so a retried submission gets back the very receipt it was first given).
 */
public record BallotRow(String ballotId, long sequence, String kioskId, String requestId, String kind,
    String confirmationCode, String trackingCode, String submissionHash, long headSize, long timestamp) {}
