package org.evote.kiosk.service;

import java.net.URI;
import java.util.Optional;

/**
 * What the voter's printed receipt says: tracking code, time, kiosk, the board sequence number
 * once known, and the URL to check it. It never holds or shows the vote.
 */
public record LocalReceipt(String ballotId, boolean challenged, String trackingCode, String confirmationCode,
    String kioskId, long timestamp, Optional<Long> boardSequence, boolean uploadPending, URI checkUrl) {}
