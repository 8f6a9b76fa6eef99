/**
 * JavaFX polling-place kiosk: mark, encrypt, cast or challenge, receipt. Built on the {@code crypto} module; the full program arrives with its own issue.
 */
package org.evote.kiosk;
