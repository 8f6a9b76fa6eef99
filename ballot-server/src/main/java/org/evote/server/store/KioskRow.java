package org.evote.server.store;

import java.util.Optional;

/** A registered kiosk: its public key, whether it is revoked, and the head of its confirmation-code chain. */
public record KioskRow(String kioskId, String publicKey, boolean revoked, Optional<String> lastCode, long lastTime,
    long ballots) {}
